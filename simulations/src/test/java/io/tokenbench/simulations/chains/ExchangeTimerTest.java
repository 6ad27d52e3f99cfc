package io.tokenbench.simulations.chains;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An exchange's timeout timer fires its check after the delay, can re-arm from inside it, and once
 * cancelled (the exchange ended) leaves nothing in the loop's timer queue.
 */
class ExchangeTimerTest {
    private EmbeddedChannel channel;
    private final List<String> fired = new ArrayList<>();

    @BeforeEach
    void frozenLoop() {
        channel = new EmbeddedChannel();
        channel.freezeTime();
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aCheckRunsAfterItsDelayAndCanReArmItself() {
        ExchangeTimer timer = new ExchangeTimer(channel.eventLoop());
        timer.arm(
                1_000,
                () -> {
                    fired.add("first");
                    timer.arm(500, () -> fired.add("second"));
                });

        channel.advanceTimeBy(999, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertThat(fired).isEmpty();
        channel.advanceTimeBy(1, TimeUnit.NANOSECONDS);
        assertThat(channel.runScheduledPendingTasks()).isEqualTo(500); // the re-armed check
        assertThat(fired).containsExactly("first");
        channel.advanceTimeBy(500, TimeUnit.NANOSECONDS);
        assertThat(channel.runScheduledPendingTasks()).isEqualTo(-1);
        assertThat(fired).containsExactly("first", "second");
    }

    @Test
    void aDelayBelowOneNanosecondIsOne() {
        ExchangeTimer timer = new ExchangeTimer(channel.eventLoop());
        timer.arm(-5, () -> fired.add("late"));
        assertThat(channel.runScheduledPendingTasks()).isEqualTo(1);
        assertThat(fired).isEmpty();
        channel.advanceTimeBy(1, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
        assertThat(fired).containsExactly("late");
    }

    @Test
    void cancelLeavesNothingQueuedAndLaterArmsDoNothing() {
        ExchangeTimer timer = new ExchangeTimer(channel.eventLoop());
        timer.arm(TimeUnit.SECONDS.toNanos(10), () -> fired.add("timeout"));
        assertThat(channel.runScheduledPendingTasks()).isPositive();

        timer.cancel();
        assertThat(channel.runScheduledPendingTasks()).isEqualTo(-1); // no task, no trace held
        timer.arm(1, () -> fired.add("after the end"));
        assertThat(channel.runScheduledPendingTasks()).isEqualTo(-1);
        channel.advanceTimeBy(1, TimeUnit.MINUTES);
        channel.runScheduledPendingTasks();
        assertThat(fired).isEmpty();
    }
}
