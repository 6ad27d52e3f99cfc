package io.tokenbench.reports.ingest;

import io.tokenbench.reports.model.IntervalPoint;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.record.ValueUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * p50, p99 and max of an interval histogram in one pass over its recorded values (two
 * {@code getValueAtPercentile} calls would scan the counts twice; an hour of intervals makes that matter).
 * Same definition as HdrHistogram's {@code getValueAtPercentile}: the highest equivalent value of the first
 * bucket whose cumulative count reaches {@link MetricSummary#rank}.
 */
final class IntervalStats {

    private IntervalStats() {
    }

    static IntervalPoint point(long startMs, long endMs, Histogram h, ValueUnit unit) {
        long total = h.getTotalCount();
        long p50Rank = MetricSummary.rank(50.0, total);
        long p99Rank = MetricSummary.rank(99.0, total);
        long cumulative = 0;
        long p50 = 0;
        long p99 = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            long before = cumulative;
            cumulative += v.getCountAddedInThisIterationStep();
            long value = h.highestEquivalentValue(v.getValueIteratedTo());
            if (before < p50Rank && cumulative >= p50Rank) {
                p50 = value;
            }
            if (cumulative >= p99Rank) {
                p99 = value;
                break;
            }
        }
        return new IntervalPoint(startMs, endMs, total, unit.toReported(p50), unit.toReported(p99),
                unit.toReported(h.getMaxValue()));
    }
}
