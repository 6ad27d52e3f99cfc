package io.tokenbench.reports.cli;

import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.gate.GateEvaluator;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.gate.Rule;
import io.tokenbench.reports.gate.RuleParser;
import io.tokenbench.reports.ingest.BadInputException;
import io.tokenbench.reports.ingest.RunSource;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gate --rules FILE [--baseline DIR...] --current DIR...}: the CI gate. */
@Command(
        name = "gate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate gate rules on the current runs, against baseline runs for relative rules.",
            "Every rule of FILE (syntax: reports/README.md) is evaluated on the current run folders"
                    + " (pooled) and, for relative rules, against the baseline run folders (pooled;"
                    + " block bootstrap over intervals and runs). Every rule is printed with"
                    + " metric, required, actual, baseline, delta and a hint.",
            ""
        },
        footer = {
            "",
            "Exit codes: 0 pass, 1 regression, 2 could not evaluate (bad rules, missing metric,"
                    + " empty histogram, unknown schema, no baseline for a relative rule, bad"
                    + " usage)."
        })
final class GateCommand implements Callable<Integer> {

    /** Whether an inconclusive relative rule fails the gate. */
    enum Inconclusive {
        PASS,
        FAIL
    }

    @Spec CommandSpec spec;

    @Option(names = "--rules", paramLabel = "FILE", required = true, description = "gate rules")
    Path rules;

    @Option(
            names = "--baseline",
            paramLabel = "DIR",
            arity = "1..*",
            description =
                    "baseline run folders or JMH json files, pooled (needed by relative rules)")
    List<Path> baselines = new ArrayList<>();

    @Option(
            names = "--current",
            paramLabel = "DIR",
            arity = "1..*",
            required = true,
            description = "current run folders or JMH json files, pooled")
    List<Path> currents = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = Formats.Gate.class,
            completionCandidates = Formats.Gate.class,
            description = "what to print: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(
            names = "--junit",
            paramLabel = "FILE",
            description = "also write JUnit XML (one test case per rule)")
    Path junit;

    @Option(
            names = "--markdown",
            paramLabel = "FILE",
            description = "also write Markdown (e.g. $GITHUB_STEP_SUMMARY)")
    Path markdown;

    @Option(
            names = "--inconclusive",
            paramLabel = "pass|fail",
            defaultValue = "pass",
            description =
                    "whether an inconclusive relative rule fails the gate (default:"
                            + " ${DEFAULT-VALUE})")
    Inconclusive inconclusive;

    /** A parsed {@code gate} command line. */
    record Options(
            Path rules,
            List<Path> baselines,
            List<Path> currents,
            OutputFormat format,
            Optional<Path> junit,
            Optional<Path> markdown,
            boolean inconclusiveFails) {
        Options {
            Objects.requireNonNull(rules, "rules");
            baselines = List.copyOf(baselines);
            currents = List.copyOf(currents);
            Objects.requireNonNull(format, "format");
            if (currents.isEmpty()) {
                throw new IllegalArgumentException("--current needs at least one run");
            }
        }
    }

    Options options() {
        return new Options(
                rules,
                baselines,
                currents,
                format,
                Optional.ofNullable(junit),
                Optional.ofNullable(markdown),
                inconclusive == Inconclusive.FAIL);
    }

    @Override
    public Integer call() {
        Options o = options();
        List<String> lines;
        try {
            lines = Files.readAllLines(o.rules());
        } catch (IOException e) {
            throw new BadInputException(
                    "cannot read --rules " + o.rules() + ": " + e.getMessage(), e);
        }
        List<RunData> baselineRuns = load(o.baselines());
        List<RunData> currentRuns = load(o.currents());
        List<RunSummary> known = new ArrayList<>();
        baselineRuns.forEach(r -> known.add(SummaryBuilder.build(r)));
        currentRuns.forEach(r -> known.add(SummaryBuilder.build(r)));
        List<Rule> parsed;
        try {
            parsed = RuleParser.parse(lines, known);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("bad rules in " + o.rules() + ":\n" + e.getMessage());
        }
        GateReport report =
                GateEvaluator.evaluate(parsed, baselineRuns, currentRuns, o.inconclusiveFails());
        PrintWriter out = spec.commandLine().getOut();
        out.print(o.format().renderer().gate(report));
        out.flush();
        o.junit().ifPresent(file -> write(file, OutputFormat.JUNIT.renderer().gate(report)));
        o.markdown().ifPresent(file -> write(file, OutputFormat.MARKDOWN.renderer().gate(report)));
        return report.exitCode();
    }

    private static List<RunData> load(List<Path> paths) {
        List<RunData> runs = new ArrayList<>();
        for (Path p : paths) {
            runs.add(RunSource.load(p, true));
        }
        return runs;
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
