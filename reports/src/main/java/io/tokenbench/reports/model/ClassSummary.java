package io.tokenbench.reports.model;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The summary of one endpoint class of a run recorded per class (the {@code endpoint_classes}
 * entries of {@code summary.json}): its metrics (keyed by plain metric name, every metric the class
 * can have, empty ones with count 0), outcomes, counts, rates, and goodput against the class's own
 * SLO. Same units as {@link RunSummary}.
 *
 * @param slo the class's SLO as text ({@code "e2e_sched <= 30000 ms"}), {@code "none"} when
 *     unbounded
 */
public record ClassSummary(
        EndpointClass endpoint,
        Map<String, MetricSummary> metrics,
        Map<Outcome, Long> outcomes,
        RunSummary.Requests requests,
        RunSummary.Throughput throughput,
        RunSummary.Goodput goodput,
        double errorRate,
        long microCredits,
        String slo) {

    public ClassSummary {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(slo, "slo");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        EnumMap<Outcome, Long> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, outcomes.getOrDefault(o, 0L));
        }
        outcomes = Collections.unmodifiableMap(all);
    }
}
