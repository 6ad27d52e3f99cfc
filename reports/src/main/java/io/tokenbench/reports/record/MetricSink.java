package io.tokenbench.reports.record;

/** Receives the samples {@link MetricDerivation} derives; {@link RunRecorder} records them. */
@FunctionalInterface
public interface MetricSink {
    /**
     * @param metric the metric
     * @param storedValue the value in the metric's stored unit ({@link Metric#unit()}), never
     *     negative
     */
    void accept(Metric metric, long storedValue);
}
