package io.tokenbench.reports.record;

import java.time.Duration;
import java.util.Objects;

/**
 * The measurement window of a run, on t_sched relative to the run start: {@code [warmup, warmup +
 * measurement)} is measured; earlier is warm-up, later is cool-down. Grace is how long the driver
 * waits for requests scheduled in the window before closing the recorder; requests still unfinished
 * at close count as timeouts.
 *
 * @param warmup excluded start of the run, >= 0
 * @param measurement length of the measured window, > 0 ({@link #UNBOUNDED} for "until the end")
 * @param grace wait for in-flight requests after the window, >= 0
 */
public record Window(Duration warmup, Duration measurement, Duration grace) {

    /** A measurement window that never ends (closed-model benchmarks that stop on their own). */
    public static final Duration UNBOUNDED = Duration.ofDays(365L * 100);

    /** Everything measured, no warm-up, no grace. */
    public static final Window ALL = new Window(Duration.ZERO, UNBOUNDED, Duration.ZERO);

    public Window {
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(grace, "grace");
        if (warmup.isNegative() || grace.isNegative()) {
            throw new IllegalArgumentException(
                    "warmup and grace must be >= 0: " + warmup + ", " + grace);
        }
        if (measurement.isZero() || measurement.isNegative()) {
            throw new IllegalArgumentException("measurement must be > 0: " + measurement);
        }
    }

    public boolean isUnbounded() {
        return measurement.equals(UNBOUNDED);
    }

    /** The phase of a request scheduled {@code sinceStartNanos} after the run start. */
    public Phase phaseOf(long sinceStartNanos) {
        long warmupNanos = warmup.toNanos();
        if (sinceStartNanos < warmupNanos) {
            return Phase.WARMUP;
        }
        if (isUnbounded() || sinceStartNanos - warmupNanos < measurement.toNanos()) {
            return Phase.MEASURE;
        }
        return Phase.COOLDOWN;
    }
}
