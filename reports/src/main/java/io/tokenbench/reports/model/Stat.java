package io.tokenbench.reports.model;

import java.util.Optional;

/**
 * The statistics every distribution reports (metrics.md "Storage"), with their summary.json names.
 */
public enum Stat {
    COUNT("count", Double.NaN),
    MEAN("mean", Double.NaN),
    P50("p50", 50.0),
    P90("p90", 90.0),
    P95("p95", 95.0),
    P99("p99", 99.0),
    P99_9("p99_9", 99.9),
    MAX("max", 100.0);

    private static final Stat[] VALUES = values();

    private final String wireName;
    private final double percentile;

    Stat(String wireName, double percentile) {
        this.wireName = wireName;
        this.percentile = percentile;
    }

    public String wireName() {
        return wireName;
    }

    /** The percentile (0..100) for p-stats and max; NaN for count and mean. */
    public double percentile() {
        return percentile;
    }

    /** Accepts {@code p99_9} and {@code p99.9}. */
    public static Optional<Stat> fromWireName(String name) {
        String n = name.replace('.', '_');
        for (Stat s : VALUES) {
            if (s.wireName.equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
