package io.tokenbench.simulations.keys.checks;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The timed waits of the sequential checks (a pause before moving the clock, polling a ledger until
 * it settles): each step runs on one scheduler thread at its due time, and the caller only waits
 * for the outcome. Probes and actions run on that thread one at a time, so they may keep plain
 * state between attempts, and must not wait on this class themselves.
 */
final class Waiting {
    private static final ScheduledExecutorService TIMER =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "keys-verify-timer");
                        t.setDaemon(true);
                        return t;
                    });

    private Waiting() {}

    /**
     * Runs {@code action} once {@code delay} has passed (at once when it is not positive) and
     * returns its result.
     */
    static <T> T after(Duration delay, Supplier<T> action) {
        return outcome(
                TIMER.schedule(action::get, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));
    }

    /**
     * Runs {@code probe} now and then every {@code interval} until it yields a value or {@code
     * deadlineNanos} ({@link System#nanoTime()}) has passed; returns the last answer (empty when
     * the deadline came first).
     */
    static <T> Optional<T> until(
            Supplier<Optional<T>> probe, Duration interval, long deadlineNanos) {
        return until(probe, Duration.ZERO, interval, deadlineNanos);
    }

    /**
     * Like {@link #until(Supplier, Duration, long)}, with the first attempt {@code firstDelay} from
     * now.
     */
    static <T> Optional<T> until(
            Supplier<Optional<T>> probe,
            Duration firstDelay,
            Duration interval,
            long deadlineNanos) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        TIMER.schedule(
                () -> attempt(probe, interval, deadlineNanos, result),
                Math.max(0, firstDelay.toNanos()),
                TimeUnit.NANOSECONDS);
        return outcome(result);
    }

    private static <T> void attempt(
            Supplier<Optional<T>> probe,
            Duration interval,
            long deadlineNanos,
            CompletableFuture<Optional<T>> result) {
        try {
            Optional<T> answer = probe.get();
            if (answer.isPresent() || System.nanoTime() >= deadlineNanos) {
                result.complete(answer);
                return;
            }
            TIMER.schedule(
                    () -> attempt(probe, interval, deadlineNanos, result),
                    interval.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private static <T> T outcome(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
