package io.tokenbench.reports.cli;

import io.tokenbench.options.ExitCode;
import io.tokenbench.reports.compare.Comparer;
import io.tokenbench.reports.format.CompareHtml;
import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.ingest.BadInputException;
import io.tokenbench.reports.ingest.RunSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare BASELINE CURRENT}: per-metric deltas between two runs. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Per-metric p50/p90/p99/p99.9/max, throughput, goodput and outcomes with deltas.",
            "Deltas are current - baseline, absolute and relative; error rates by outcome too."
                    + " BASELINE and CURRENT are run folders, JMH -rf json files or summary.json"
                    + " files.",
            ""
        },
        footer = {"", "Exit codes: 0 compared, 2 bad usage or unusable input."})
final class CompareCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "the baseline run")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "the current run")
    Path current;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            converter = Formats.Summary.class,
            completionCandidates = Formats.Summary.class,
            description = "what to print: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description =
                    "also write the comparison as a self-contained HTML page to FILE (both runs'"
                            + " percentile curves and time series overlaid, every delta with its"
                            + " statistical verdict); needs run folders")
    Path html;

    @Override
    public Integer call() {
        if (html != null) {
            writeHtml();
        }
        var base = RunSource.summary(baseline);
        var now = RunSource.summary(current);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.renderer().comparison(Comparer.compare(base, now)));
        out.flush();
        return ExitCode.PASS;
    }

    private void writeHtml() {
        String page =
                CompareHtml.render(RunSource.load(baseline, true), RunSource.load(current, true));
        try {
            Files.writeString(html, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + html + ": " + e.getMessage(), e);
        }
    }
}
