package io.tokenbench.reports.model;

import io.tokenbench.reports.record.ValueUnit;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One distribution in reported units (ms for latencies): count, mean, p50, p90, p95, p99, p99.9,
 * max. For an empty histogram every figure but count is NaN (JSON null).
 */
public record MetricSummary(
        String name,
        ValueUnit unit,
        long count,
        double mean,
        double p50,
        double p90,
        double p95,
        double p99,
        double p99_9,
        double max) {

    public MetricSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * Summarises a histogram of stored values. Percentiles are HdrHistogram's (highest equivalent
     * value).
     */
    public static MetricSummary of(String name, ValueUnit unit, Histogram h) {
        long n = h.getTotalCount();
        if (n == 0) {
            return empty(name, unit);
        }
        return new MetricSummary(
                name,
                unit,
                n,
                unit.toReported(h.getMean()),
                unit.toReported(h.getValueAtPercentile(50.0)),
                unit.toReported(h.getValueAtPercentile(90.0)),
                unit.toReported(h.getValueAtPercentile(95.0)),
                unit.toReported(h.getValueAtPercentile(99.0)),
                unit.toReported(h.getValueAtPercentile(99.9)),
                unit.toReported(h.getMaxValue()));
    }

    /**
     * The count a percentile must reach, exactly as HdrHistogram 2.2.2's {@code
     * getValueAtPercentile}: {@code max(1, ceil(nextDown(p) / 100 * total))}. Shared by the
     * one-pass interval statistics and the bootstrap so all three agree.
     */
    public static long rank(double percentile, long total) {
        double p =
                Math.min(
                        Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
        return Math.max(1, (long) Math.ceil(p / 100.0 * total));
    }

    public static MetricSummary empty(String name, ValueUnit unit) {
        double nan = Double.NaN;
        return new MetricSummary(name, unit, 0, nan, nan, nan, nan, nan, nan, nan);
    }

    public double stat(Stat s) {
        return switch (s) {
            case COUNT -> count;
            case MEAN -> mean;
            case P50 -> p50;
            case P90 -> p90;
            case P95 -> p95;
            case P99 -> p99;
            case P99_9 -> p99_9;
            case MAX -> max;
        };
    }
}
