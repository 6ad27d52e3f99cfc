package io.tokenbench.reports.cli;

import io.tokenbench.reports.compare.Comparer;
import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.ingest.RunSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code compare BASELINE CURRENT [--format text|markdown|json]}. */
final class CompareCommand {

    static final String HELP =
            """
            usage: reports compare BASELINE CURRENT [--format text|markdown|json]

            Per metric p50, p90, p99, p99.9 and max, throughput, goodput, error rate and error rate by outcome,
            with absolute and relative deltas (current - baseline). BASELINE and CURRENT are run folders,
            JMH -rf json files or summary.json files.
            exit 0 compared, 2 bad usage or unusable input
            """;

    private CompareCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Args a = Args.parse(args, Set.of("--format"), Set.of());
        if (a.help) {
            out.print(HELP);
            return 0;
        }
        if (a.positional.size() != 2) {
            throw new UsageException(
                    "expected BASELINE and CURRENT, got " + a.positional.size() + " arguments");
        }
        OutputFormat format =
                ReportsMain.format(
                        a, "text", OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.JSON);
        var baseline = RunSource.summary(Path.of(a.positional.get(0)));
        var current = RunSource.summary(Path.of(a.positional.get(1)));
        out.print(format.renderer().comparison(Comparer.compare(baseline, current)));
        return 0;
    }
}
