package io.tokenbench.reports.record;

/**
 * The run's one wall-clock anchor (metrics.md "Timestamps"): the epoch milliseconds and the {@code
 * System.nanoTime()} taken together at run start. Request timestamps stay monotonic; interval
 * boundaries and {@code .hlog} start times are converted to absolute time through this anchor, so
 * logs of several injectors merge on absolute time.
 *
 * @param startEpochMillis wall clock at run start
 * @param startNanoTime {@code System.nanoTime()} at the same instant
 */
public record RunClock(long startEpochMillis, long startNanoTime) {

    public RunClock {
        if (startEpochMillis <= 0) {
            throw new IllegalArgumentException(
                    "startEpochMillis must be positive: " + startEpochMillis);
        }
    }

    /** Anchors a run now. */
    public static RunClock now() {
        return new RunClock(System.currentTimeMillis(), System.nanoTime());
    }

    /** Absolute time of a monotonic timestamp. */
    public long epochMillisAt(long nanoTime) {
        return startEpochMillis + Math.floorDiv(nanoTime - startNanoTime, 1_000_000L);
    }

    /** Absolute time now, on the monotonic clock (immune to wall-clock steps during the run). */
    public long nowEpochMillis() {
        return epochMillisAt(System.nanoTime());
    }

    /** Nanoseconds since the run start for a monotonic timestamp. */
    public long sinceStartNanos(long nanoTime) {
        return nanoTime - startNanoTime;
    }
}
