package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.enforcement.EnforcementResult;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.ErrorSample;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run report shows: the summary (with its verdict), the run's data (histograms and
 * intervals, for charts), and optionally a baseline (its data and the comparison), a gate result,
 * key-limit enforcement results, and the error samples of {@code errors.jsonl} (top errors).
 */
public record ReportInput(
        RunSummary summary,
        RunData data,
        Optional<Baseline> baseline,
        Optional<GateReport> gate,
        Optional<EnforcementResult> enforcement,
        List<ErrorSample> errorSamples) {

    /** A report without error samples. */
    public ReportInput(
            RunSummary summary,
            RunData data,
            Optional<Baseline> baseline,
            Optional<GateReport> gate,
            Optional<EnforcementResult> enforcement) {
        this(summary, data, baseline, gate, enforcement, List.of());
    }

    public ReportInput {
        errorSamples = List.copyOf(errorSamples);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(enforcement, "enforcement");
    }

    /** A report without key-limit enforcement results. */
    public ReportInput(
            RunSummary summary,
            RunData data,
            Optional<Baseline> baseline,
            Optional<GateReport> gate) {
        this(summary, data, baseline, gate, Optional.empty());
    }

    /** A baseline run and the comparison of the current run against it. */
    public record Baseline(RunData data, Comparison comparison) {}
}
