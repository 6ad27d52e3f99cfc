package io.tokenbench.mock.stream;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The mock's own timing error: for every scheduled emission, actual run time minus intended emit
 * time, in nanoseconds. Event loops record concurrently into a {@link Recorder} (wait-free);
 * readers take a snapshot of everything recorded since start or the last {@link #reset()}.
 * Thread-safe.
 */
public final class SchedulingLag {

    private static final int SIGNIFICANT_DIGITS = 3;
    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
    private Histogram interval;

    /**
     * Records one emission that ran {@code lagNanos} after its intended time (negative counts as
     * 0).
     */
    public void record(long lagNanos) {
        recorder.recordValue(Math.max(0, lagNanos));
    }

    /** Everything recorded since start or the last reset (a copy). */
    public synchronized Histogram snapshot() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return total.copy();
    }

    /** Forgets everything recorded so far. */
    public synchronized void reset() {
        interval = recorder.getIntervalHistogram(interval);
        total.reset();
    }
}
