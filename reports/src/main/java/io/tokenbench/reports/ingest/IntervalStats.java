package io.tokenbench.reports.ingest;

import io.tokenbench.reports.model.IntervalPoint;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.record.ValueUnit;

/**
 * p50, p90, p99 and max of an interval histogram in one pass over its non-empty buckets. Same
 * definition as HdrHistogram's {@code getValueAtPercentile}: the highest equivalent value of the
 * first bucket whose cumulative count reaches {@link MetricSummary#rank}.
 */
final class IntervalStats {

    private IntervalStats() {}

    static IntervalPoint point(long startMs, long endMs, SparseHistogram h, ValueUnit unit) {
        long total = h.total();
        long p50Rank = MetricSummary.rank(50.0, total);
        long p90Rank = MetricSummary.rank(90.0, total);
        long p99Rank = MetricSummary.rank(99.0, total);
        long cumulative = 0;
        long p50 = 0;
        long p90 = 0;
        long p99 = 0;
        long[] counts = h.counts();
        for (int i = 0; i < counts.length; i++) {
            long before = cumulative;
            cumulative += counts[i];
            if (before < p50Rank && cumulative >= p50Rank) {
                p50 = h.highs()[i];
            }
            if (before < p90Rank && cumulative >= p90Rank) {
                p90 = h.highs()[i];
            }
            if (cumulative >= p99Rank) {
                p99 = h.highs()[i];
                break;
            }
        }
        return new IntervalPoint(
                startMs,
                endMs,
                total,
                unit.toReported(p50),
                unit.toReported(p90),
                unit.toReported(p99),
                unit.toReported(h.max()));
    }
}
