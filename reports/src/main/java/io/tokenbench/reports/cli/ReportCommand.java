package io.tokenbench.reports.cli;

import io.tokenbench.options.ExitCode;
import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.format.ReportInput;
import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.model.SummaryBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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
        footer = {"", "Exit codes: 0 written, 2 bad usage or unusable input."})
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
            Optional<Duration> coInterval) {
        Options {
            Objects.requireNonNull(runDir, "runDir");
            Objects.requireNonNull(format, "format");
            if (coInterval.filter(i -> i.isZero() || i.isNegative()).isPresent()) {
                throw new IllegalArgumentException(
                        "--co-interval must be positive, got " + coInterval.get());
            }
        }
    }

    Options options() {
        try {
            return new Options(
                    runDir,
                    Optional.ofNullable(baseline),
                    Optional.ofNullable(rules),
                    format,
                    Optional.ofNullable(coInterval));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() {
        Options o = options();
        ReportWriter.Written w =
                ReportWriter.writeAll(o.runDir(), o.baseline(), o.rules(), o.coInterval());
        PrintWriter out = spec.commandLine().getOut();
        out.print(
                o.format()
                        .renderer()
                        .report(
                                new ReportInput(
                                        w.summary(),
                                        w.data(),
                                        Optional.empty(),
                                        Optional.empty())));
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
        return ExitCode.PASS;
    }
}
