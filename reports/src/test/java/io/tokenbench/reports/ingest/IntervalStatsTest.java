package io.tokenbench.reports.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.model.IntervalPoint;
import io.tokenbench.reports.record.ValueUnit;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IntervalStatsTest {

    @Test
    void onePassPercentilesEqualHdrHistogramsOwn() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            Histogram h = new Histogram(3);
            int n = 1 + rnd.nextInt(500);
            for (int i = 0; i < n; i++) {
                h.recordValue((long) (1e6 * Math.exp(3 * rnd.nextDouble())));
            }
            IntervalPoint p =
                    IntervalStats.point(
                            0, 1000, SparseHistogramTest.roundTrip(h), ValueUnit.NANOS_AS_MILLIS);
            assertThat(p.count()).isEqualTo(n);
            assertThat(p.p50())
                    .as("trial %d n %d", trial, n)
                    .isEqualTo(h.getValueAtPercentile(50) / 1e6);
            assertThat(p.p90())
                    .as("trial %d n %d", trial, n)
                    .isEqualTo(h.getValueAtPercentile(90) / 1e6);
            assertThat(p.p99())
                    .as("trial %d n %d", trial, n)
                    .isEqualTo(h.getValueAtPercentile(99) / 1e6);
            assertThat(p.max()).isEqualTo(h.getMaxValue() / 1e6);
        }
    }
}
