package io.tokenbench.mock.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tokenbench.mock.behavior.LoadSlowdown;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-loop emission queue on a virtual clock: writers run at their due time in due order (ties
 * in scheduling order), a cancelled writer never runs, one wake-up runs every writer then due and
 * is recorded as one tick, and a writer far behind runs once per tick so the loop's I/O gets its
 * turn between catch-up emissions.
 */
class EmissionSchedulerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ChannelInboundHandlerAdapter marker = new ChannelInboundHandlerAdapter();
    private final SchedulingLag lag = new SchedulingLag();
    private final StreamTiming streamTiming =
            new StreamTiming(LoadSlowdown.NONE, () -> 0, lag, () -> {});
    private final List<String> runs = new CopyOnWriteArrayList<>();
    private ChannelHandlerContext markerCtx;

    @BeforeEach
    void setUp() {
        channel.freezeTime();
        channel.pipeline().addLast(marker);
        markerCtx = channel.pipeline().context(marker);
    }

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    /** Records its name at each run and reschedules itself {@code gapMillis} later, N times. */
    private final class Named extends PacedWriter {
        private final String name;
        private final long gapNanos;
        private int left;

        Named(String name, long gapMillis, int times) {
            super(markerCtx, new DirectSink(markerCtx, markerCtx), streamTiming);
            this.name = name;
            this.gapNanos = TimeUnit.MILLISECONDS.toNanos(gapMillis);
            this.left = times;
        }

        void startIn(long millis) {
            scheduleAt(now() + TimeUnit.MILLISECONDS.toNanos(millis));
        }

        @Override
        protected void emitDue() {
            runs.add(name);
            if (--left > 0) {
                scheduleAfter(gapNanos);
            }
        }

        @Override
        protected boolean isOver() {
            return left == 0;
        }

        @Override
        public void cancel() {
            cancelPending();
        }

        @Override
        protected void failed() {}
    }

    private void advanceMillis(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    @Test
    void writersRunAtTheirDueTimesInDueOrder() {
        new Named("late", 0, 1).startIn(7);
        new Named("early", 0, 1).startIn(3);
        new Named("tie-first", 0, 1).startIn(5);
        new Named("tie-second", 0, 1).startIn(5);

        advanceMillis(2);
        assertThat(runs).isEmpty();
        advanceMillis(1);
        assertThat(runs).containsExactly("early");
        advanceMillis(4);
        assertThat(runs).containsExactly("early", "tie-first", "tie-second", "late");
    }

    @Test
    void aCancelledWriterNeverRunsAndTheOthersKeepTheirTimes() {
        Named gone = new Named("gone", 0, 1);
        gone.startIn(2);
        new Named("kept", 0, 1).startIn(4);
        gone.cancel();

        advanceMillis(3);
        assertThat(runs).isEmpty();
        advanceMillis(1);
        assertThat(runs).containsExactly("kept");
    }

    @Test
    void oneWakeUpRunsEveryWriterThenDueAndCountsAsOneTick() {
        for (int i = 0; i < 5; i++) {
            new Named("w" + i, 10, 2).startIn(i); // due at 0..4 ms, then 10 ms later
        }
        advanceMillis(4); // the clock jumps: one wake-up finds all five due
        assertThat(runs).hasSize(5);
        Histogram perTick = lag.emissionsPerTickSnapshot();
        assertThat(perTick.getTotalCount()).isEqualTo(1);
        assertThat(perTick.getMaxValue()).isEqualTo(5);
        // The last of the five was due at 4 ms and ran at 4 ms; the first waited 4 ms.
        assertThat(lag.lastLagPerTickSnapshot().getMaxValue()).isZero();
        assertThat(lag.snapshot().getMaxValue())
                .isBetween(TimeUnit.MILLISECONDS.toNanos(4) - 1, TimeUnit.MILLISECONDS.toNanos(5));
        assertThat(lag.snapshot().getTotalCount()).isEqualTo(5);
    }

    @Test
    void aWriterFarBehindCatchesUpOneEmissionPerTick() {
        Named behind = new Named("behind", 1, 3); // due at 0, 1 and 2 ms
        behind.startIn(0);
        advanceMillis(10); // all three emissions are overdue at the first wake-up
        assertThat(runs).containsExactly("behind", "behind", "behind");
        // Three wake-ups of one emission each, not one running the writer three times.
        assertThat(lag.emissionsPerTickSnapshot().getTotalCount()).isEqualTo(3);
        assertThat(lag.emissionsPerTickSnapshot().getMaxValue()).isEqualTo(1);
    }

    @Test
    void resetForgetsTheTicks() {
        new Named("w", 0, 1).startIn(1);
        advanceMillis(1);
        assertThat(lag.emissionsPerTickSnapshot().getTotalCount()).isEqualTo(1);
        lag.reset();
        assertThat(lag.emissionsPerTickSnapshot().getTotalCount()).isZero();
        assertThat(lag.lastLagPerTickSnapshot().getTotalCount()).isZero();
        assertThat(lag.snapshot().getTotalCount()).isZero();
    }
}
