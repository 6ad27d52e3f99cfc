package io.tokenbench.reports.record;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The recorders of one phase: one HdrHistogram {@link Recorder} per {@link Metric} (3 significant
 * digits, auto-resizing, wait-free {@code recordValue}) and the phase's {@link IntervalCounters}.
 */
final class PhaseRecorders implements MetricSink {

    static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder[] recorders = new Recorder[Metric.values().length];
    private final Histogram[] recycled = new Histogram[recorders.length];
    private final IntervalCounters counters = new IntervalCounters();

    PhaseRecorders() {
        for (int i = 0; i < recorders.length; i++) {
            recorders[i] = new Recorder(SIGNIFICANT_DIGITS);
        }
    }

    @Override
    public void accept(Metric metric, long storedValue) {
        recorders[metric.ordinal()].recordValue(storedValue);
    }

    IntervalCounters counters() {
        return counters;
    }

    /**
     * Swaps out the interval histogram of {@code metric}. Reporter thread only; the returned
     * histogram is reused by the next call for the same metric, so use it before then.
     */
    Histogram takeInterval(Metric metric) {
        int i = metric.ordinal();
        Histogram h = recorders[i].getIntervalHistogram(recycled[i]);
        recycled[i] = h;
        return h;
    }
}
