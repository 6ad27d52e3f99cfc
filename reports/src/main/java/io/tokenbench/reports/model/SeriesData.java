package io.tokenbench.reports.model;

import io.tokenbench.reports.record.ValueUnit;
import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One measured distribution of a run in memory: the whole-window histogram (stored units), its
 * per-interval points for time series.
 */
public record SeriesData(
        String name, ValueUnit unit, Histogram total, List<IntervalPoint> intervals) {

    public SeriesData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(total, "total");
        intervals = List.copyOf(intervals);
    }

    public MetricSummary summary() {
        return MetricSummary.of(name, unit, total);
    }
}
