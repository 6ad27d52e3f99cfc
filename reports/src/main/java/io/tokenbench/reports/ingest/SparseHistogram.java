package io.tokenbench.reports.ingest;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The non-empty buckets of one interval histogram, decoded straight from HdrHistogram's compressed
 * V2 encoding (zlib; 40-byte header; counts as ZigZag LEB128 words, negative words = runs of empty
 * buckets).
 *
 * <p>Why not {@code Histogram.decodeFromCompressedByteBuffer}: it allocates the whole counts array
 * (tens of thousands of longs for latencies up to seconds) for every interval, and every later
 * {@code add} or percentile scans all of it; an hour of 1 s intervals for ten metrics is ~40 000 of
 * those. Here the work is proportional to the non-empty buckets. Encodings this decoder does not
 * handle (older versions, shifted histograms) fall back to HdrHistogram's decoder. {@code
 * SparseHistogramTest} checks both agree.
 *
 * @param lows lowest equivalent value of each non-empty bucket, ascending
 * @param highs highest equivalent value of the same buckets
 * @param counts count of each bucket (positive)
 * @param total sum of counts
 */
public record SparseHistogram(long[] lows, long[] highs, long[] counts, long total) {

    private static final int V2_COMPRESSED_COOKIE = 0x1c849304 | 0x10;
    private static final int V2_COOKIE = 0x1c849303 | 0x10;
    private static final int HEADER_BYTES = 40;

    /**
     * Adds every bucket to {@code target} (which must use the same precision, 3 digits everywhere
     * here).
     */
    public void addTo(AbstractHistogram target) {
        for (int i = 0; i < lows.length; i++) {
            target.recordValueWithCount(lows[i], counts[i]);
        }
    }

    /** A full HdrHistogram with the same buckets and counts. */
    public Histogram toHistogram() {
        Histogram h = new Histogram(3);
        addTo(h);
        return h;
    }

    /**
     * Highest equivalent value of the largest non-empty bucket (HdrHistogram's getMaxValue), 0 when
     * empty.
     */
    public long max() {
        return highs.length == 0 ? 0 : highs[highs.length - 1];
    }

    /**
     * Decodes the base64-decoded payload of an {@code .hlog} line.
     *
     * @throws DataFormatException for a truncated or corrupt payload
     */
    public static SparseHistogram decode(byte[] compressed) throws DataFormatException {
        ByteBuffer in = ByteBuffer.wrap(compressed);
        try {
            if (in.getInt() != V2_COMPRESSED_COOKIE) {
                return fallback(compressed);
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new DataFormatException(
                        "compressed length " + length + " exceeds the payload");
            }
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(compressed, 8, length);
                byte[] header = new byte[HEADER_BYTES];
                inflateFully(inflater, header, HEADER_BYTES);
                ByteBuffer h = ByteBuffer.wrap(header);
                int cookie = h.getInt();
                int payloadBytes = h.getInt();
                int normalizingIndexOffset = h.getInt();
                int digits = h.getInt();
                long lowestDiscernible = h.getLong();
                h.getLong(); // highest trackable value: not needed for the buckets
                double conversionRatio = h.getDouble();
                if (cookie != V2_COOKIE
                        || normalizingIndexOffset != 0
                        || conversionRatio != 1.0
                        || digits < 0
                        || digits > 5
                        || lowestDiscernible < 1
                        || payloadBytes < 0) {
                    return fallback(compressed);
                }
                byte[] payload = new byte[payloadBytes];
                inflateFully(inflater, payload, payloadBytes);
                return fromPayload(ByteBuffer.wrap(payload), digits, lowestDiscernible);
            } finally {
                inflater.end();
            }
        } catch (BufferUnderflowException e) {
            throw new DataFormatException("payload ends early");
        }
    }

    private static void inflateFully(Inflater inflater, byte[] into, int length)
            throws DataFormatException {
        int done = 0;
        while (done < length) {
            int n = inflater.inflate(into, done, length - done);
            if (n == 0
                    && (inflater.finished()
                            || inflater.needsInput()
                            || inflater.needsDictionary())) {
                throw new DataFormatException("compressed histogram ends early");
            }
            done += n;
        }
    }

    private static SparseHistogram fromPayload(
            ByteBuffer payload, int digits, long lowestDiscernible) throws DataFormatException {
        long largestSingleUnit = 2 * (long) Math.pow(10, digits);
        int subBucketCountMagnitude = (int) Math.ceil(Math.log(largestSingleUnit) / Math.log(2));
        int halfMagnitude = Math.max(subBucketCountMagnitude, 1) - 1;
        int halfCount = 1 << halfMagnitude;
        int unitMagnitude = 63 - Long.numberOfLeadingZeros(lowestDiscernible);
        long[] lows = new long[64];
        long[] highs = new long[64];
        long[] counts = new long[64];
        int n = 0;
        long total = 0;
        long index = 0;
        while (payload.hasRemaining()) {
            long word = zigZag(payload);
            if (word < 0) {
                index -= word; // a run of empty buckets
                continue;
            }
            if (word > 0) {
                if (index > Integer.MAX_VALUE) {
                    throw new DataFormatException("bucket index out of range");
                }
                int bucket = (int) (index >> halfMagnitude) - 1;
                int sub = (int) (index & (halfCount - 1)) + halfCount;
                if (bucket < 0) {
                    sub -= halfCount;
                    bucket = 0;
                }
                int shift = bucket + unitMagnitude;
                if (shift > 62) {
                    throw new DataFormatException("bucket value out of range");
                }
                if (n == lows.length) {
                    lows = Arrays.copyOf(lows, n * 2);
                    highs = Arrays.copyOf(highs, n * 2);
                    counts = Arrays.copyOf(counts, n * 2);
                }
                lows[n] = (long) sub << shift;
                highs[n] = lows[n] + (1L << shift) - 1;
                counts[n] = word;
                total += word;
                n++;
            }
            index++;
        }
        return new SparseHistogram(
                Arrays.copyOf(lows, n), Arrays.copyOf(highs, n), Arrays.copyOf(counts, n), total);
    }

    /** HdrHistogram's ZigZag LEB128 (at most 9 bytes, the 9th carrying 8 bits). */
    private static long zigZag(ByteBuffer b) {
        long v = 0;
        int shift = 0;
        while (true) {
            int x = b.get();
            if (shift == 56) {
                v |= ((long) (x & 0xFF)) << 56;
                break;
            }
            v |= ((long) (x & 0x7F)) << shift;
            if ((x & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return (v >>> 1) ^ -(v & 1);
    }

    private static SparseHistogram fallback(byte[] compressed) throws DataFormatException {
        Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(compressed), 0);
        int size = 0;
        for (HistogramIterationValue ignored : h.recordedValues()) {
            size++;
        }
        long[] lows = new long[size];
        long[] highs = new long[size];
        long[] counts = new long[size];
        int i = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            lows[i] = h.lowestEquivalentValue(v.getValueIteratedTo());
            highs[i] = h.highestEquivalentValue(v.getValueIteratedTo());
            counts[i] = v.getCountAtValueIteratedTo();
            i++;
        }
        return new SparseHistogram(lows, highs, counts, h.getTotalCount());
    }
}
