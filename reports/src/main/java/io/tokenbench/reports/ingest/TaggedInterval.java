package io.tokenbench.reports.ingest;

import org.HdrHistogram.Histogram;

/**
 * One interval line of an {@code .hlog}: tag, absolute start and end, histogram.
 *
 * @param tag              the line's tag ({@code ttft}, {@code warmup.ttft}), empty when untagged
 * @param startEpochMillis absolute start
 * @param endEpochMillis   absolute end
 * @param histogram        the decoded interval histogram (owned by the receiver)
 */
public record TaggedInterval(String tag, long startEpochMillis, long endEpochMillis, Histogram histogram) {
}
