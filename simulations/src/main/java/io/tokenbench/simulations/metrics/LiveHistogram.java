package io.tokenbench.simulations.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * One series of a classic histogram, in nanoseconds on the recording side and in seconds in the
 * exposition. Recording threads first count a request's samples in their own {@link Scratch} (plain
 * array increments), then {@link #add} them: one {@link LongAdder} update per bucket touched plus
 * one for the sum, however many samples the request had (a streamed answer of 64 tokens has 63 itl
 * gaps, usually in one or two buckets). Read by the scrape ({@link #bucketCounts}, {@link
 * #sumSeconds}). Thread-safe.
 */
final class LiveHistogram {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double[] boundsSeconds;

    /** Per bucket, not cumulative; the last one is +Inf. */
    private final LongAdder[] counts;

    private final LongAdder sumNanos = new LongAdder();

    LiveHistogram(double[] boundsSeconds) {
        this.boundsSeconds = boundsSeconds.clone();
        this.counts = new LongAdder[boundsSeconds.length + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** {@code le} bounds in nanoseconds: a value equal to a bound belongs to its bucket. */
    static long[] nanos(double[] boundsSeconds) {
        long[] out = new long[boundsSeconds.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(boundsSeconds[i] * NANOS_PER_SECOND);
        }
        return out;
    }

    /**
     * Where to start looking for the bucket of a value by its highest bit: entry {@code k} is the
     * first bucket whose bound is at least {@code 2^k} (a value in {@code [2^k, 2^(k+1))} cannot be
     * in an earlier one), so a lookup is a leading-zero count, a table read and the few bounds of
     * that octave (at most four for {@link LatencyBuckets}) instead of a search over all of them.
     */
    static int[] octaveStarts(long[] boundsNanos) {
        int[] starts = new int[65];
        for (int k = 0; k < starts.length; k++) {
            long low = k == 0 ? 0 : k >= 63 ? Long.MAX_VALUE : 1L << k;
            int i = 0;
            while (i < boundsNanos.length && boundsNanos[i] < low) {
                i++;
            }
            starts[k] = i;
        }
        return starts;
    }

    /**
     * The bucket of {@code valueNanos} (a bound is inclusive; {@code boundsNanos.length}: +Inf),
     * starting from {@code octaveStarts} of the same bounds.
     */
    static int bucketOf(long[] boundsNanos, int[] octaveStarts, long valueNanos) {
        int i = octaveStarts[63 - Long.numberOfLeadingZeros(Math.max(1, valueNanos))];
        while (i < boundsNanos.length && valueNanos > boundsNanos[i]) {
            i++;
        }
        return i;
    }

    /**
     * Adds the bucket counts {@code scratchCounts} holds from {@code offset} on (one slot per
     * bucket, +Inf last) and clears them; {@code scratchSumNanos}: the sum of those samples.
     */
    void add(long[] scratchCounts, int offset, long scratchSumNanos) {
        for (int i = 0; i < counts.length; i++) {
            long c = scratchCounts[offset + i];
            if (c != 0) {
                counts[i].add(c);
                scratchCounts[offset + i] = 0;
            }
        }
        sumNanos.add(scratchSumNanos);
    }

    /** The {@code le} bounds in seconds, +Inf last (the exposition's). */
    double[] upperBoundsWithInf() {
        double[] out = Arrays.copyOf(boundsSeconds, boundsSeconds.length + 1);
        out[boundsSeconds.length] = Double.POSITIVE_INFINITY;
        return out;
    }

    /** Observations per bucket (not cumulative), +Inf last. */
    long[] bucketCounts() {
        long[] out = new long[counts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts[i].sum();
        }
        return out;
    }

    double sumSeconds() {
        return sumNanos.sum() / NANOS_PER_SECOND;
    }
}
