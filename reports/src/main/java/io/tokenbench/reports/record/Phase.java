package io.tokenbench.reports.record;

import java.util.Optional;

/**
 * Where a request's t_sched falls relative to the run's {@link Window}. Windows are defined on
 * t_sched (metrics.md): a request scheduled in the measurement window counts there even if it
 * finishes late. The phase selects the {@code .hlog} tag prefix and the {@code outcomes.jsonl}
 * section.
 */
public enum Phase {
    WARMUP("warmup", "warmup."),
    MEASURE("measure", ""),
    COOLDOWN("cooldown", "cooldown.");

    private static final Phase[] VALUES = values();

    private final String wireName;
    private final String tagPrefix;

    Phase(String wireName, String tagPrefix) {
        this.wireName = wireName;
        this.tagPrefix = tagPrefix;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The {@code .hlog} tag for a metric in this phase: plain wire name when measuring, else
     * prefixed.
     */
    public String tag(Metric metric) {
        return tagPrefix + metric.wireName();
    }

    /**
     * The {@code .hlog} tag for a series in this phase ({@code images.e2e}, {@code
     * warmup.images.e2e}).
     */
    public String tag(SeriesKey series) {
        return tagPrefix + series.name();
    }

    public static Optional<Phase> fromWireName(String wireName) {
        for (Phase p : VALUES) {
            if (p.wireName.equals(wireName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Splits an {@code .hlog} tag into phase and metric name ("warmup.ttft" into WARMUP, "ttft").
     */
    public static Phase ofTag(String tag) {
        for (Phase p : VALUES) {
            if (!p.tagPrefix.isEmpty() && tag.startsWith(p.tagPrefix)) {
                return p;
            }
        }
        return MEASURE;
    }

    /** The metric part of an {@code .hlog} tag. */
    public static String metricNameOfTag(String tag) {
        return tag.substring(ofTag(tag).tagPrefix.length());
    }
}
