package io.tokenbench.reports.cli;

import io.tokenbench.options.ExitCode;
import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.merge.RunMerger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code merge OUT_DIR RUN_DIR RUN_DIR...}: adds injectors' run folders into a new one. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Add several injectors' run folders interval by interval into a new run folder"
                    + " OUT_DIR.",
            "Histograms are added interval by interval, aligned on absolute time (clocks must be"
                    + " NTP-synced), outcome counts summed; then the report is written there. The"
                    + " runs must share interval, window and SLOs.",
            ""
        },
        footer = {"", "Exit codes: 0 merged, 2 bad usage or unusable input."})
final class MergeCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "OUT_DIR",
            description = "the merged run folder; must not exist or be empty")
    Path outDir;

    @Parameters(
            index = "1..*",
            arity = "2..*",
            paramLabel = "RUN_DIR",
            description = "the injectors' run folders (at least two)")
    List<Path> runDirs;

    @Override
    public Integer call() {
        RunMerger.merge(outDir, runDirs);
        ReportWriter.Written w = ReportWriter.writeAll(outDir);
        spec.commandLine()
                .getOut()
                .println(
                        "merge: "
                                + runDirs.size()
                                + " runs into "
                                + outDir
                                + " ("
                                + w.summary().requests().attempted()
                                + " requests); open "
                                + outDir.resolve("report.html"));
        return ExitCode.PASS;
    }
}
