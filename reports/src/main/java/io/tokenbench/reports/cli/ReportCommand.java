package io.tokenbench.reports.cli;

import io.tokenbench.options.ExitCode;
import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.gate.RunChecks;
import io.tokenbench.reports.model.SummaryBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report RUN_DIR}: writes a run folder's report files and prints its summary. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write summary.json, report.html, summary.md and junit.xml into RUN_DIR and print the"
                    + " summary.",
            "Reads RUN_DIR/run.json, metrics.hlog and outcomes.jsonl; everything is rendered before"
                    + " the first file is replaced, so nothing is written when the input is bad.",
            ""
        },
        footer = {
            "",
            "Exit codes: 0 written; with --check, the run verdict's: 0 pass, 1 a check failed or"
                    + " the run is invalid or incomplete, 2 not evaluated; 2 bad usage or unusable"
                    + " input."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "the run folder")
    Path runDir;

    @Option(
            names = "--baseline",
            paramLabel = "DIR",
            description = "add a comparison view against another run folder (or JMH json file)")
    Path baseline;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = {
                "gate rules for junit.xml (syntax: reports/README.md). Default: one validity rule,"
                        + " dispatch_lag.p99 <= the run's dispatch-lag budget: run.json parameter "
                        + SummaryBuilder.DISPATCH_BUDGET_PARAMETER
                        + " (./tokenbench run writes its --lag-budget there, 5ms unless given), "
                        + SummaryBuilder.DEFAULT_DISPATCH_BUDGET_MILLIS
                        + "ms for runs without it (JMH results); no rule when the run has no"
                        + " dispatch_lag samples"
            })
    Path rules;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = Formats.Summary.class,
            completionCandidates = Formats.Summary.class,
            description = "what to print: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(
            names = "--co-interval",
            paramLabel = "DURATION",
            description =
                    "closed-model runs only: also show ttft, ttfb and e2e corrected for"
                            + " coordinated omission with this expected interval (e.g. 100ms), as"
                            + " <metric>_co_corrected; refused for open-model runs")
    Duration coInterval;

    @Option(
            names = "--check",
            paramLabel = "RULE",
            description = {
                "a verdict check in the gate rule language, repeatable: ttft_sched.p99 <= 800ms,"
                        + " error_rate <= 0.1%, images.error_rate <= 1%. A rule on the same figure"
                        + " as a default check replaces it; others are added. Defaults: the run is"
                        + " valid, error_rate <= 1%, requests.successful >= 1"
            })
    List<String> checks = new ArrayList<>();

    /**
     * A parsed {@code report} command line.
     *
     * @param coInterval the expected interval of a closed-loop caller, positive when present
     */
    record Options(
            Path runDir,
            Optional<Path> baseline,
            Optional<Path> rules,
            OutputFormat format,
            Optional<Duration> coInterval,
            RunChecks checks) {
        Options {
            Objects.requireNonNull(checks, "checks");
            Objects.requireNonNull(runDir, "runDir");
            Objects.requireNonNull(format, "format");
            if (coInterval.filter(i -> i.isZero() || i.isNegative()).isPresent()) {
                throw new IllegalArgumentException(
                        "--co-interval must be positive, got " + coInterval.get());
            }
        }
    }

    private RunChecks checks(List<String> rules) {
        try {
            return RunChecks.parse(rules);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--check: " + e.getMessage());
        }
    }

    Options options() {
        try {
            return new Options(
                    runDir,
                    Optional.ofNullable(baseline),
                    Optional.ofNullable(rules),
                    format,
                    Optional.ofNullable(coInterval),
                    checks(checks));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        Options o = options();
        ReportWriter.Written w =
                ReportWriter.writeAll(
                        o.runDir(), o.baseline(), o.rules(), o.coInterval(), o.checks());
        PrintWriter out = spec.commandLine().getOut();
        out.print(w.render(o.format()));
        out.flush();
        spec.commandLine()
                .getErr()
                .println(
                        "report: wrote "
                                + w.files().stream().map(p -> p.getFileName().toString()).toList()
                                + " in "
                                + o.runDir()
                                + "; open "
                                + o.runDir().resolve("report.html"));
        // Writing a report is not a gate unless the user asked for checks.
        return checks.isEmpty() ? ExitCode.PASS : w.verdict().exitCode();
    }
}
