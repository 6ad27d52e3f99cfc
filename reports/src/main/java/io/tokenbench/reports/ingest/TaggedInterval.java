package io.tokenbench.reports.ingest;

/**
 * One interval line of an {@code .hlog}: tag, absolute start and end, histogram.
 *
 * @param tag the line's tag ({@code ttft}, {@code warmup.ttft}), empty when untagged
 * @param startEpochMillis absolute start
 * @param endEpochMillis absolute end
 * @param histogram the interval's non-empty buckets
 */
public record TaggedInterval(
        String tag, long startEpochMillis, long endEpochMillis, SparseHistogram histogram) {}
