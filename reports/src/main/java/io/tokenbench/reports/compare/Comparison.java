package io.tokenbench.reports.compare;

import io.tokenbench.reports.model.RunSummary;
import java.util.List;

/**
 * Baseline against current: per-metric percentile deltas, run-level figures (throughput, goodput,
 * error rate, Credits) and outcome rates.
 */
public record Comparison(
        RunSummary baseline,
        RunSummary current,
        List<Delta> metrics,
        List<Delta> run,
        List<Delta> outcomes) {

    public Comparison {
        metrics = List.copyOf(metrics);
        run = List.copyOf(run);
        outcomes = List.copyOf(outcomes);
    }
}
