package io.tokenbench.reports.model;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The summary of one run: what {@code summary.json} (schema_version 1) holds, and what every output
 * format, {@code compare} and {@code gate} read. Rates are per second of the measured window;
 * ratios are fractions (0.005 = 0.5 %); NaN (JSON null) when undefined. The top-level figures are
 * the blend of every request; a run recorded per endpoint class also has one {@link ClassSummary}
 * per class that had traffic ({@code classes}).
 */
public record RunSummary(
        int schemaVersion,
        RunHeader header,
        Map<String, MetricSummary> metrics,
        Map<Outcome, Long> outcomes,
        Requests requests,
        Throughput throughput,
        Goodput goodput,
        double errorRate,
        long microCredits,
        RetryAfter retryAfter,
        List<ValidityFlag> validity,
        Map<EndpointClass, ClassSummary> classes,
        Optional<RunVerdict> verdict) {

    public static final int SCHEMA_VERSION = 1;

    /** A summary without a verdict (compare, gate, and reports before the checks ran). */
    public RunSummary(
            int schemaVersion,
            RunHeader header,
            Map<String, MetricSummary> metrics,
            Map<Outcome, Long> outcomes,
            Requests requests,
            Throughput throughput,
            Goodput goodput,
            double errorRate,
            long microCredits,
            RetryAfter retryAfter,
            List<ValidityFlag> validity,
            Map<EndpointClass, ClassSummary> classes) {
        this(
                schemaVersion,
                header,
                metrics,
                outcomes,
                requests,
                throughput,
                goodput,
                errorRate,
                microCredits,
                retryAfter,
                validity,
                classes,
                Optional.empty());
    }

    /** This summary with the run's verdict. */
    public RunSummary withVerdict(RunVerdict value) {
        return new RunSummary(
                schemaVersion,
                header,
                metrics,
                outcomes,
                requests,
                throughput,
                goodput,
                errorRate,
                microCredits,
                retryAfter,
                validity,
                classes,
                Optional.of(value));
    }

    /** True when a validity flag with this code is set. */
    public boolean flagged(String code) {
        return validity.stream().anyMatch(f -> f.code().equals(code));
    }

    /** A summary without endpoint classes. */
    public RunSummary(
            int schemaVersion,
            RunHeader header,
            Map<String, MetricSummary> metrics,
            Map<Outcome, Long> outcomes,
            Requests requests,
            Throughput throughput,
            Goodput goodput,
            double errorRate,
            long microCredits,
            RetryAfter retryAfter,
            List<ValidityFlag> validity) {
        this(
                schemaVersion,
                header,
                metrics,
                outcomes,
                requests,
                throughput,
                goodput,
                errorRate,
                microCredits,
                retryAfter,
                validity,
                Map.of());
    }

    /**
     * The distribution named {@code series}: a top-level metric ({@code e2e}) or a class metric
     * ({@code images.image_e2e}); null when absent.
     */
    public MetricSummary metric(String series) {
        MetricSummary m = metrics.get(series);
        if (m != null) {
            return m;
        }
        int dot = series.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        return EndpointClass.fromWireName(series.substring(0, dot))
                .map(classes::get)
                .map(c -> c.metrics().get(series.substring(dot + 1)))
                .orElse(null);
    }

    public RunSummary {
        Objects.requireNonNull(header, "header");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        EnumMap<Outcome, Long> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, outcomes.getOrDefault(o, 0L));
        }
        outcomes = Collections.unmodifiableMap(all);
        validity = List.copyOf(validity);
        Objects.requireNonNull(verdict, "verdict");
        classes =
                classes.isEmpty()
                        ? Map.of()
                        : Collections.unmodifiableMap(new java.util.EnumMap<>(classes));
    }

    /** Request counts of the measured window. {@code attempted} includes unfinished requests. */
    public record Requests(
            long scheduled,
            long sent,
            long completed,
            long attempted,
            long good,
            long unfinished,
            long tokenMismatch) {}

    /** Per-second rates over the measured window. */
    public record Throughput(
            double offeredRps,
            double sentRps,
            double completedRps,
            double outputTokensPerSecond,
            double inputTokensPerSecond) {}

    /** Good requests per second, and good / attempted. */
    public record Goodput(double goodRps, double sloAttainment) {}

    /** 429 Retry-After observations. */
    public record RetryAfter(long count, double meanMillis, long maxMillis) {}

    /** Something that makes the numbers less trustworthy, e.g. {@code load_generator_saturated}. */
    public record ValidityFlag(String code, String message) {}

    public double credits() {
        return microCredits / 1e6;
    }
}
