package io.tokenbench.simulations.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The octave-table bucket lookup agrees with the definition of a classic bucket (v <= le). */
class LiveHistogramTest {

    /** The first bucket whose bound is at least {@code v}; the bounds' length: +Inf. */
    private static int byDefinition(long[] bounds, long v) {
        for (int i = 0; i < bounds.length; i++) {
            if (v <= bounds[i]) {
                return i;
            }
        }
        return bounds.length;
    }

    @Test
    void everyValueLandsInTheBucketTheDefinitionGives() {
        Random random = new Random(19);
        for (double[] seconds :
                List.of(
                        LatencyBuckets.REQUEST_SECONDS,
                        LatencyBuckets.TOKEN_SECONDS,
                        LatencyBuckets.LAG_SECONDS)) {
            long[] bounds = LiveHistogram.nanos(seconds);
            int[] starts = LiveHistogram.octaveStarts(bounds);
            List<Long> values = new ArrayList<>(List.of(0L, 1L, 2L, Long.MAX_VALUE));
            for (long b : bounds) {
                values.addAll(List.of(b - 1, b, b + 1)); // both sides of every bound
            }
            for (int i = 0; i < 100_000; i++) {
                values.add((long) Math.pow(10, random.nextDouble() * 12)); // 1 ns to 1000 s
            }
            for (long v : values) {
                assertThat(LiveHistogram.bucketOf(bounds, starts, v))
                        .as("bucket of %d ns", v)
                        .isEqualTo(byDefinition(bounds, v));
            }
        }
    }

    @Test
    void countsAddedFromAScratchAreClearedThereAndSummedInSeconds() {
        LiveHistogram h = new LiveHistogram(new double[] {0.001, 0.01});
        long[] scratch = {9, 2, 0, 1, 7}; // slot 0 belongs to someone else; ours start at 1
        h.add(scratch, 1, 5_000_000L);
        h.add(new long[] {0, 0, 1}, 0, 20_000_000L);

        assertThat(h.bucketCounts()).containsExactly(2, 0, 2);
        assertThat(h.sumSeconds()).isEqualTo(0.025);
        assertThat(scratch).containsExactly(9, 0, 0, 0, 7);
        assertThat(h.upperBoundsWithInf()).containsExactly(0.001, 0.01, Double.POSITIVE_INFINITY);
    }
}
