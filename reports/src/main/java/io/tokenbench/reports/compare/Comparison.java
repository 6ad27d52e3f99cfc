package io.tokenbench.reports.compare;

import io.tokenbench.reports.model.RunSummary;
import java.util.List;

/**
 * Baseline against current: per-metric percentile deltas, run-level figures (throughput, goodput,
 * error rate, Credits) and outcome rates, and warnings when the two runs are not alike (load shape,
 * measured duration, target): their deltas then measure the difference in setup too.
 */
public record Comparison(
        RunSummary baseline,
        RunSummary current,
        List<Delta> metrics,
        List<Delta> run,
        List<Delta> outcomes,
        List<String> warnings) {

    /** A comparison without warnings. */
    public Comparison(
            RunSummary baseline,
            RunSummary current,
            List<Delta> metrics,
            List<Delta> run,
            List<Delta> outcomes) {
        this(baseline, current, metrics, run, outcomes, List.of());
    }

    public Comparison {
        warnings = List.copyOf(warnings);
        metrics = List.copyOf(metrics);
        run = List.copyOf(run);
        outcomes = List.copyOf(outcomes);
    }
}
