package io.tokenbench.reports.format;

import io.tokenbench.reports.enforcement.EnforcementReader;
import io.tokenbench.reports.enforcement.EnforcementResult;
import io.tokenbench.reports.html.Page;
import io.tokenbench.reports.ingest.BadInputException;
import io.tokenbench.reports.model.RunFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html} for a run folder that holds only key-limit enforcement results (a {@code keys
 * verify} run sends no load, so it has no histograms). Runs that have both get the same section
 * inside the full report ({@link ReportWriter}).
 */
public final class EnforcementReport {

    private EnforcementReport() {}

    /**
     * Writes {@code report.html} into {@code runDir} from its {@code enforcement.json}.
     *
     * @throws BadInputException when the folder has no usable {@code enforcement.json}; nothing is
     *     written
     */
    public static List<Path> writeHtml(Path runDir) {
        EnforcementResult result =
                EnforcementReader.read(runDir)
                        .orElseThrow(
                                () ->
                                        new BadInputException(
                                                runDir + ": no " + EnforcementReader.FILE));
        Page page = new Page("key-limit enforcement", "key-limit enforcement");
        page.fact("target " + result.target().path("host").asText(result.target().toString()));
        page.lead(EnforcementSection.headline(result));
        page.section("enforcement", "Checks", EnforcementSection.body(result));
        return ReportWriter.writeAtomically(runDir, Map.of(RunFolder.REPORT_HTML, page.render()));
    }
}
