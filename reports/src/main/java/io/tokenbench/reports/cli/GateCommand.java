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
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code gate --rules FILE [--baseline DIR...] --current DIR...}. */
final class GateCommand {

    static final String HELP =
            """
            usage: reports gate --rules FILE [--baseline DIR...] --current DIR... [--format text|markdown|json|junit]
                                [--junit FILE] [--markdown FILE] [--inconclusive pass|fail]

            Evaluates every rule of FILE (syntax: reports/README.md) on the current run folders (pooled) and, for
            relative rules, against the baseline run folders (pooled; block bootstrap over intervals and runs).
            Prints every rule with metric, required, actual, baseline, delta and a hint.
              --junit FILE      also write JUnit XML (one test case per rule)
              --markdown FILE   also write Markdown (e.g. $GITHUB_STEP_SUMMARY)
              --inconclusive    whether an inconclusive relative rule fails the gate (default pass)
            exit 0 pass, 1 regression, 2 could not evaluate (bad rules, missing metric, empty histogram,
            unknown schema, no baseline for a relative rule)
            """;

    private GateCommand() {}

    record Options(
            Path rules,
            List<Path> baselines,
            List<Path> currents,
            OutputFormat format,
            Path junit,
            Path markdown,
            boolean inconclusiveFails) {}

    static Options parse(String[] args) {
        Args a =
                Args.parse(
                        args,
                        Set.of("--rules", "--format", "--junit", "--markdown", "--inconclusive"),
                        Set.of("--baseline", "--current"));
        if (a.help) {
            return null;
        }
        if (!a.positional.isEmpty()) {
            throw new UsageException(
                    "unexpected argument '"
                            + a.positional.get(0)
                            + "' (run folders go after --current)");
        }
        String rules = a.one("--rules", null);
        if (rules == null) {
            throw new UsageException("option --rules is required");
        }
        if (a.many("--current").isEmpty()) {
            throw new UsageException("option --current is required");
        }
        String inconclusive = a.one("--inconclusive", "pass");
        if (!inconclusive.equals("pass") && !inconclusive.equals("fail")) {
            throw new UsageException(
                    "--inconclusive must be pass or fail, got '" + inconclusive + "'");
        }
        return new Options(
                Path.of(rules),
                a.many("--baseline").stream().map(Path::of).toList(),
                a.many("--current").stream().map(Path::of).toList(),
                ReportsMain.format(
                        a,
                        "text",
                        OutputFormat.TEXT,
                        OutputFormat.MARKDOWN,
                        OutputFormat.JSON,
                        OutputFormat.JUNIT),
                a.one("--junit", null) == null ? null : Path.of(a.one("--junit", null)),
                a.one("--markdown", null) == null ? null : Path.of(a.one("--markdown", null)),
                inconclusive.equals("fail"));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o = parse(args);
        if (o == null) {
            out.print(HELP);
            return 0;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(o.rules());
        } catch (IOException e) {
            throw new BadInputException(
                    "cannot read --rules " + o.rules() + ": " + e.getMessage(), e);
        }
        List<RunData> baselines = load(o.baselines());
        List<RunData> currents = load(o.currents());
        List<RunSummary> known = new ArrayList<>();
        baselines.forEach(r -> known.add(SummaryBuilder.build(r)));
        currents.forEach(r -> known.add(SummaryBuilder.build(r)));
        List<Rule> rules;
        try {
            rules = RuleParser.parse(lines, known);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("bad rules in " + o.rules() + ":\n" + e.getMessage());
        }
        GateReport report =
                GateEvaluator.evaluate(rules, baselines, currents, o.inconclusiveFails());
        out.print(o.format().renderer().gate(report));
        write(o.junit(), OutputFormat.JUNIT.renderer().gate(report));
        write(o.markdown(), OutputFormat.MARKDOWN.renderer().gate(report));
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
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
