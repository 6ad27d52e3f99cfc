package io.tokenbench.reports.model;

import io.tokenbench.reports.record.Outcome;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The summary of one run: what {@code summary.json} (schema_version 1) holds, and what every output format,
 * {@code compare} and {@code gate} read. Rates are per second of the measured window; ratios are fractions
 * (0.005 = 0.5 %); NaN (JSON null) when undefined.
 */
public record RunSummary(int schemaVersion, RunHeader header, Map<String, MetricSummary> metrics,
                         Map<Outcome, Long> outcomes, Requests requests, Throughput throughput, Goodput goodput,
                         double errorRate, long microCredits, RetryAfter retryAfter, List<ValidityFlag> validity) {

    public static final int SCHEMA_VERSION = 1;

    public RunSummary {
        Objects.requireNonNull(header, "header");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        EnumMap<Outcome, Long> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, outcomes.getOrDefault(o, 0L));
        }
        outcomes = Collections.unmodifiableMap(all);
        validity = List.copyOf(validity);
    }

    /** Request counts of the measured window. {@code attempted} includes unfinished requests. */
    public record Requests(long scheduled, long sent, long completed, long attempted, long good, long unfinished,
                           long tokenMismatch) {
    }

    /** Per-second rates over the measured window. */
    public record Throughput(double offeredRps, double sentRps, double completedRps, double outputTokensPerSecond,
                             double inputTokensPerSecond) {
    }

    /** Good requests per second, and good / attempted. */
    public record Goodput(double goodRps, double sloAttainment) {
    }

    /** 429 Retry-After observations. */
    public record RetryAfter(long count, double meanMillis, long maxMillis) {
    }

    /** Something that makes the numbers less trustworthy, e.g. {@code load_generator_saturated}. */
    public record ValidityFlag(String code, String message) {
    }

    public double credits() {
        return microCredits / 1e6;
    }
}
