package io.tokenbench.reports.cli;

import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.merge.RunMerger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code merge OUT_DIR RUN_DIR...}. */
final class MergeCommand {

    static final String HELP =
            """
            usage: reports merge OUT_DIR RUN_DIR RUN_DIR...

            Adds the run folders of several injectors into a new run folder OUT_DIR: histograms interval by
            interval, aligned on absolute time (clocks must be NTP-synced), outcome counts summed; then writes
            the report there. OUT_DIR must not exist or be empty. The runs must share interval, window and SLOs.
            exit 0 merged, 2 bad usage or unusable input
            """;

    private MergeCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Args a = Args.parse(args, Set.of(), Set.of());
        if (a.help) {
            out.print(HELP);
            return 0;
        }
        if (a.positional.size() < 3) {
            throw new UsageException(
                    "expected OUT_DIR and at least two RUN_DIRs, got "
                            + a.positional.size()
                            + " arguments");
        }
        Path outDir = Path.of(a.positional.get(0));
        var inputs = a.positional.subList(1, a.positional.size()).stream().map(Path::of).toList();
        RunMerger.merge(outDir, inputs);
        ReportWriter.Written w = ReportWriter.writeAll(outDir);
        out.println(
                "merge: "
                        + inputs.size()
                        + " runs into "
                        + outDir
                        + " ("
                        + w.summary().requests().attempted()
                        + " requests); open "
                        + outDir.resolve("report.html"));
        return 0;
    }
}
