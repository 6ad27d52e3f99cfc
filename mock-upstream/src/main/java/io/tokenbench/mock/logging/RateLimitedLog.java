package io.tokenbench.mock.logging;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One log site that writes at most {@code permitsPerWindow} records per window and counts the rest:
 * the next record written after a window with suppressed records says how many were dropped. Every
 * record carries its throwable (stack trace). Thread-safe and lock-free; a suppressed call costs
 * two atomic reads and one increment, so an exception storm on an event loop neither floods the log
 * nor slows the loop.
 */
public final class RateLimitedLog {

    public static final int DEFAULT_PERMITS_PER_WINDOW = 10;
    public static final long DEFAULT_WINDOW_NANOS = 10_000_000_000L;

    private final Logger logger;
    private final int permitsPerWindow;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong windowStartNanos;
    private final AtomicLong usedInWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(
            Logger logger, int permitsPerWindow, long windowNanos, LongSupplier nanoTime) {
        this.logger = Objects.requireNonNull(logger, "logger");
        if (permitsPerWindow < 1 || windowNanos < 1) {
            throw new IllegalArgumentException("permitsPerWindow and windowNanos must be >= 1");
        }
        this.permitsPerWindow = permitsPerWindow;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
        this.windowStartNanos = new AtomicLong(nanoTime.getAsLong());
    }

    /** {@value #DEFAULT_PERMITS_PER_WINDOW} records per 10 s for the logger named {@code name}. */
    public static RateLimitedLog named(String name) {
        return new RateLimitedLog(
                System.getLogger(name),
                DEFAULT_PERMITS_PER_WINDOW,
                DEFAULT_WINDOW_NANOS,
                System::nanoTime);
    }

    /** Logs {@code message} with {@code error}'s stack trace at ERROR, unless over the limit. */
    public void error(String message, Throwable error) {
        log(Level.ERROR, message, error);
    }

    /** Logs {@code message} with {@code error}'s stack trace at WARNING, unless over the limit. */
    public void warn(String message, Throwable error) {
        log(Level.WARNING, message, error);
    }

    /** Records suppressed since the last written one (for tests and {@code /admin/stats}). */
    public long suppressedCount() {
        return suppressed.get();
    }

    private void log(Level level, String message, Throwable error) {
        if (!logger.isLoggable(level)) {
            return;
        }
        long now = nanoTime.getAsLong();
        long start = windowStartNanos.get();
        if (now - start >= windowNanos && windowStartNanos.compareAndSet(start, now)) {
            usedInWindow.set(0);
        }
        if (usedInWindow.incrementAndGet() > permitsPerWindow) {
            suppressed.incrementAndGet();
            return;
        }
        long dropped = suppressed.getAndSet(0);
        logger.log(
                level,
                dropped == 0
                        ? message
                        : message + " (" + dropped + " similar record(s) suppressed before this)",
                error);
    }
}
