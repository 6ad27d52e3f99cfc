package io.tokenbench.mock.stream;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The mock's own timing error: for every scheduled emission, actual run time minus intended emit
 * time, in nanoseconds; and per wake-up of an event loop's {@link EmissionScheduler} (a tick), how
 * many emissions it ran and the lag of the last one, so a burst of due emissions on one loop shows
 * as such. Event loops record concurrently into {@link Recorder}s (wait-free, no allocation);
 * readers take a snapshot of everything recorded since start or the last {@link #reset()}.
 * Thread-safe.
 */
public final class SchedulingLag {

    private static final int SIGNIFICANT_DIGITS = 3;
    private final Accumulating lag = new Accumulating();
    private final Accumulating emissionsPerTick = new Accumulating();
    private final Accumulating lastLagPerTick = new Accumulating();

    /**
     * Records one emission that ran {@code lagNanos} after its intended time (negative counts as
     * 0).
     */
    public void record(long lagNanos) {
        lag.recorder.recordValue(Math.max(0, lagNanos));
    }

    /**
     * Records one tick that ran {@code emissions} emissions, the last of them {@code lastLagNanos}
     * after its intended time (negative counts as 0).
     */
    void recordTick(int emissions, long lastLagNanos) {
        emissionsPerTick.recorder.recordValue(emissions);
        lastLagPerTick.recorder.recordValue(Math.max(0, lastLagNanos));
    }

    /** Every emission's lag in nanoseconds, since start or the last reset (a copy). */
    public Histogram snapshot() {
        return lag.snapshot();
    }

    /** Emissions run per tick, since start or the last reset (a copy). */
    public Histogram emissionsPerTickSnapshot() {
        return emissionsPerTick.snapshot();
    }

    /** The lag of each tick's last emission in nanoseconds, since start or the last reset. */
    public Histogram lastLagPerTickSnapshot() {
        return lastLagPerTick.snapshot();
    }

    /** Forgets everything recorded so far. */
    public void reset() {
        lag.reset();
        emissionsPerTick.reset();
        lastLagPerTick.reset();
    }

    /** A recorder and the total of its intervals since the last reset. */
    private static final class Accumulating {
        final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
        private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
        private Histogram interval;

        synchronized Histogram snapshot() {
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
            return total.copy();
        }

        synchronized void reset() {
            interval = recorder.getIntervalHistogram(interval);
            total.reset();
        }
    }
}
