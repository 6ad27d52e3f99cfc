package io.tokenbench.reports.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.IntCountsHistogram;
import org.junit.jupiter.api.Test;

class SparseHistogramTest {

    /** Encodes like HistogramLogWriter does and decodes with our sparse decoder. */
    static SparseHistogram roundTrip(org.HdrHistogram.AbstractHistogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf, Deflater.BEST_COMPRESSION);
        try {
            return SparseHistogram.decode(Arrays.copyOf(buf.array(), n));
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static List<long[]> buckets(org.HdrHistogram.AbstractHistogram h) {
        List<long[]> out = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            out.add(
                    new long[] {
                        h.lowestEquivalentValue(v.getValueIteratedTo()),
                        h.highestEquivalentValue(v.getValueIteratedTo()),
                        v.getCountAtValueIteratedTo()
                    });
        }
        return out;
    }

    private static List<long[]> buckets(SparseHistogram s) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < s.counts().length; i++) {
            out.add(new long[] {s.lows()[i], s.highs()[i], s.counts()[i]});
        }
        return out;
    }

    @Test
    void agreesWithHdrHistogramsDecoderOnRandomHistograms() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            Histogram h = new Histogram(3);
            int n = rnd.nextInt(2000);
            double decades = 1 + rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                // values from 0 to 10^13 (0 ns to hours), counts up to 2^40 now and then
                long v = (long) Math.pow(10, decades * rnd.nextDouble()) - 1;
                h.recordValueWithCount(v, rnd.nextInt(50) == 0 ? 1L << 40 : 1 + rnd.nextInt(3));
            }
            SparseHistogram s = roundTrip(h);
            assertThat(buckets(s)).as("trial %d", trial).containsExactlyElementsOf(buckets(h));
            assertThat(s.total()).isEqualTo(h.getTotalCount());
            assertThat(s.max()).isEqualTo(h.getMaxValue());
            assertThat(s.toHistogram()).isEqualTo(h);
        }
    }

    @Test
    void otherPrecisionsAndCountTypesDecodeToo() {
        Histogram two = new Histogram(2);
        two.recordValue(12_345);
        two.recordValue(7);
        assertThat(buckets(roundTrip(two))).containsExactlyElementsOf(buckets(two));
        IntCountsHistogram ints = new IntCountsHistogram(3);
        ints.recordValueWithCount(1_000_000, 5);
        assertThat(buckets(roundTrip(ints))).containsExactlyElementsOf(buckets(ints));
        assertThat(roundTrip(new Histogram(3)).total()).isZero();
    }

    @Test
    void truncatedPayloadsAreErrors() {
        Histogram h = new Histogram(3);
        for (int i = 1; i < 5000; i++) {
            h.recordValue(i * 997L);
        }
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf, Deflater.BEST_COMPRESSION);
        for (int cut : new int[] {3, 8, 20, n / 2, n - 1}) {
            byte[] truncated = Arrays.copyOf(buf.array(), cut);
            assertThatThrownBy(() -> SparseHistogram.decode(truncated))
                    .as("cut at %d of %d", cut, n)
                    .isInstanceOf(DataFormatException.class);
        }
    }
}
