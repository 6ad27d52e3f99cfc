package io.tokenbench.benchmarks.cli;

import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.format.ReportInput;
import io.tokenbench.reports.ingest.JmhJsonReader;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A benchmark run folder: {@code <runsRoot>/<yyyyMMddTHHmmssZ>-bench/} holding JMH's {@code
 * jmh.json} and, after {@link #importJmh}, the reports model's {@code summary.json}, {@code
 * summary.md} and {@code report.html} (the reports module reads the JMH file through {@link
 * JmhJsonReader}; there is no benchmark-specific format).
 */
final class JmhRunImport {

    static final String JMH_JSON = "jmh.json";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private JmhRunImport() {}

    /** What the import read and wrote. */
    record Imported(Path runDir, RunData data, RunSummary summary) {}

    /** Creates a fresh run folder (suffix {@code -2}, {@code -3}... when the second is taken). */
    static Path createRunFolder(Path runsRoot, Instant start) {
        String base = STAMP.format(start) + "-bench";
        try {
            Files.createDirectories(runsRoot);
            for (int n = 1; ; n++) {
                Path dir = runsRoot.resolve(n == 1 ? base : base + "-" + n);
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    // taken: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + runsRoot, e);
        }
    }

    /** Copies an existing JMH result into {@code runDir} as {@value #JMH_JSON}. */
    static Path copyIn(Path jmhJson, Path runDir) {
        try {
            return Files.copy(
                    jmhJson, runDir.resolve(JMH_JSON), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jmhJson + " into " + runDir, e);
        }
    }

    /**
     * Reads {@code runDir/jmh.json} through the reports model and writes the summary files next to
     * it. Throws the reports module's {@code BadInputException} for unusable JMH output (nothing is
     * written then).
     */
    static Imported importJmh(Path runDir) {
        RunData data = JmhJsonReader.read(runDir.resolve(JMH_JSON));
        RunSummary summary = SummaryBuilder.build(data);
        ReportInput input = new ReportInput(summary, data, Optional.empty(), Optional.empty());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RunFolder.SUMMARY_JSON, OutputFormat.JSON.renderer().report(input));
        files.put(RunFolder.SUMMARY_MD, OutputFormat.MARKDOWN.renderer().report(input));
        files.put(RunFolder.REPORT_HTML, OutputFormat.HTML.renderer().report(input));
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(runDir.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary into " + runDir, e);
        }
        return new Imported(runDir, data, summary);
    }
}
