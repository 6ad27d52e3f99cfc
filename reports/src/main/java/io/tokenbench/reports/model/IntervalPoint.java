package io.tokenbench.reports.model;

/**
 * One interval of one series for time-series charts, in reported units.
 *
 * @param startEpochMillis interval start
 * @param endEpochMillis interval end
 * @param count samples in the interval
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param max maximum
 */
public record IntervalPoint(
        long startEpochMillis,
        long endEpochMillis,
        long count,
        double p50,
        double p90,
        double p99,
        double max) {}
