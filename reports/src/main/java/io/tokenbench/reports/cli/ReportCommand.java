package io.tokenbench.reports.cli;

import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.format.ReportInput;
import io.tokenbench.reports.format.ReportWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code report RUN_DIR [--baseline DIR] [--rules FILE] [--format text|markdown|json]}. */
final class ReportCommand {

    static final String HELP =
            """
            usage: reports report RUN_DIR [--baseline DIR] [--rules FILE] [--format text|markdown|json]
                                  [--co-interval DURATION]

            Reads RUN_DIR/run.json, metrics.hlog and outcomes.jsonl and writes summary.json, report.html,
            summary.md and junit.xml into RUN_DIR (nothing is written when the input is bad), then prints the
            summary (default: text).
              --baseline DIR   add a comparison view against another run folder (or JMH json)
              --rules FILE     gate rules for junit.xml (default: dispatch_lag.p99 <= 50ms)
              --format F       what to print: text, markdown or json
              --co-interval D  closed-model runs only: also show ttft, ttfb and e2e corrected for coordinated
                               omission with expected interval D (e.g. 100ms), as <metric>_co_corrected
            exit 0 written, 2 bad usage or unusable input
            """;

    private ReportCommand() {}

    record Options(
            Path runDir,
            Optional<Path> baseline,
            Optional<Path> rules,
            OutputFormat format,
            Optional<Duration> coInterval) {}

    static Options parse(String[] args) {
        Args a =
                Args.parse(
                        args,
                        Set.of("--baseline", "--rules", "--format", "--co-interval"),
                        Set.of());
        if (a.help) {
            return null;
        }
        if (a.positional.size() != 1) {
            throw new UsageException(
                    "expected exactly one RUN_DIR, got " + a.positional.size() + " arguments");
        }
        return new Options(
                Path.of(a.positional.get(0)),
                Optional.ofNullable(a.one("--baseline", null)).map(Path::of),
                Optional.ofNullable(a.one("--rules", null)).map(Path::of),
                ReportsMain.format(
                        a, "text", OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.JSON),
                Optional.ofNullable(a.one("--co-interval", null))
                        .map(v -> Durations.parse("--co-interval", v)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o = parse(args);
        if (o == null) {
            out.print(HELP);
            return 0;
        }
        ReportWriter.Written w =
                ReportWriter.writeAll(o.runDir(), o.baseline(), o.rules(), o.coInterval());
        out.print(
                o.format()
                        .renderer()
                        .report(
                                new ReportInput(
                                        w.summary(),
                                        w.data(),
                                        Optional.empty(),
                                        Optional.empty())));
        err.println(
                "report: wrote "
                        + w.files().stream().map(p -> p.getFileName().toString()).toList()
                        + " in "
                        + o.runDir()
                        + "; open "
                        + o.runDir().resolve("report.html"));
        return 0;
    }
}
