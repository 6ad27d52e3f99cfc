package io.tokenbench.mock.stream;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.internal.DefaultPriorityQueue;
import java.util.Comparator;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's timer for paced emissions: the due writers wait in one priority queue (the
 * writer is its own queue node, so scheduling allocates nothing), and a single task scheduled on
 * the loop wakes it at the earliest due time. A wake-up (a <em>tick</em>) runs every writer due by
 * then, in due order (each at most about once: a writer far behind runs again in the next tick,
 * after the loop's I/O), and records in the {@link SchedulingLag} how many emissions ran and the
 * lag of the last one, so a burst of due emissions on one loop is visible.
 *
 * <p>Why not one Netty scheduled task per emission: each costs a {@code ScheduledFutureTask}, a
 * promise and an insertion in the loop's shared scheduled-task queue; here the only Netty task is
 * the wake-up.
 *
 * <p>The system property {@code tokenbench.mock.emissionTickMicros} (default {@value
 * #DEFAULT_TICK_MICROS}: wake at each due time exactly) rounds wake-ups up to a multiple of that
 * many microseconds, which bounds wake-ups per second however many streams are due, at the price of
 * up to one tick of added lag (an experiment for {@code mock-stream-soak.sh --emission-tick-us};
 * the timing tests assume exact wake-ups).
 *
 * <p>Thread-safety: one instance per event loop, used only on that loop ({@link #of}).
 */
final class EmissionScheduler {

    static final long DEFAULT_TICK_MICROS = 0;
    private static final long TICK_NANOS =
            TimeUnit.MICROSECONDS.toNanos(
                    Long.getLong("tokenbench.mock.emissionTickMicros", DEFAULT_TICK_MICROS));
    private static final FastThreadLocal<EmissionScheduler> CURRENT = new FastThreadLocal<>();

    /** Due time, then scheduling order (as Netty orders its scheduled tasks). */
    private static final Comparator<PacedWriter> BY_DUE_TIME =
            Comparator.comparingLong(PacedWriter::dueNanos)
                    .thenComparingLong(PacedWriter::scheduledSequence);

    private final EventExecutor loop;
    private final DefaultPriorityQueue<PacedWriter> due =
            new DefaultPriorityQueue<>(BY_DUE_TIME, 256);
    private final Runnable tick = this::tick;
    private long sequence;
    private Future<?> armed;
    private long armedAtNanos;
    private boolean ticking;

    private EmissionScheduler(EventExecutor loop) {
        this.loop = loop;
    }

    /** The scheduler of {@code loop}; must be called on that loop. */
    static EmissionScheduler of(EventExecutor loop) {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("not on the stream's event loop");
        }
        EmissionScheduler current = CURRENT.get();
        if (current == null || current.loop != loop) {
            // One per loop thread; an embedded test loop shares its thread with others, so a
            // scheduler found for another loop is replaced (writers keep the one they were given).
            current = new EmissionScheduler(loop);
            CURRENT.set(current);
        }
        return current;
    }

    /** Queues {@code writer} to run at its {@link PacedWriter#dueNanos()} (not queued already). */
    void schedule(PacedWriter writer) {
        writer.scheduledSequence(sequence++);
        due.add(writer);
        if (!ticking) {
            armFor(writer.dueNanos());
        }
    }

    /** Removes {@code writer} if it is queued. */
    void cancel(PacedWriter writer) {
        due.removeTyped(writer);
    }

    /** Makes sure a wake-up is armed no later than the tick holding {@code dueNanos}. */
    private void armFor(long dueNanos) {
        long wakeNanos = roundUp(dueNanos);
        if (armed != null && armedAtNanos <= wakeNanos) {
            return;
        }
        if (armed != null) {
            armed.cancel(false);
        }
        armedAtNanos = wakeNanos;
        armed =
                loop.schedule(
                        tick,
                        Math.max(0, wakeNanos - loop.ticker().nanoTime()),
                        TimeUnit.NANOSECONDS);
    }

    private void tick() {
        armed = null;
        long nowNanos = loop.ticker().nanoTime();
        int emissions = 0;
        long lastLagNanos = 0;
        SchedulingLag lag = null;
        ticking = true;
        try {
            // Each writer at most about once per tick: one far behind is due again at once, and
            // runs in the next tick, after the loop's I/O (reads, admin requests) had its turn.
            int budget = due.size();
            PacedWriter next;
            while (budget-- > 0 && (next = due.peek()) != null && next.dueNanos() <= nowNanos) {
                due.poll();
                lastLagNanos = loop.ticker().nanoTime() - next.dueNanos();
                lag = next.timing.lag();
                emissions++;
                next.run(); // never throws: PacedWriter guards its emission
            }
        } finally {
            ticking = false;
            PacedWriter next = due.peek();
            if (next != null) {
                armFor(next.dueNanos());
            }
        }
        if (lag != null) {
            lag.recordTick(emissions, lastLagNanos);
        }
    }

    private static long roundUp(long nanos) {
        if (TICK_NANOS <= 1) {
            return nanos;
        }
        return Math.floorDiv(nanos + TICK_NANOS - 1, TICK_NANOS) * TICK_NANOS;
    }
}
