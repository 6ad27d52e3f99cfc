package io.tokenbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.compare.Comparer;
import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.gate.GateEvaluator;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.gate.RuleParser;
import io.tokenbench.reports.gate.RunChecks;
import io.tokenbench.reports.gate.RunVerdicts;
import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.model.SummaryJson;
import io.tokenbench.reports.testing.GoldenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals the JSON, Markdown and JUnit formats with golden files in src/test/resources/golden,
 * checked by hand (the numbers are derived in src/test/resources/golden/README.md). To regenerate
 * after an intended change: {@code mvn -pl reports test -Dtest=GoldenFilesTest
 * -Dgolden.update=true}, then review the diff by hand.
 */
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final List<String> RULES =
            List.of(
                    "# golden rules",
                    "ttft.p99 <= 500ms",
                    "ttft_sched.p50 <= baseline + 60%",
                    "error_rate <= 10%",
                    "outcome.http_5xx.count <= 0   \"5xx came from the mock's fault plan\"",
                    "throughput.completed_rps >= baseline - 5%");

    @TempDir static Path tmp;
    static RunData base;
    static RunData current;
    static RunSummary baseSummary;
    static RunSummary currentSummary;

    @BeforeAll
    static void runs() {
        base = RunLoader.load(GoldenRun.create(tmp, "golden-base", 1.0), true);
        current = RunLoader.load(GoldenRun.create(tmp, "golden-current", 1.5), true);
        baseSummary = SummaryBuilder.build(base);
        currentSummary = SummaryBuilder.build(current);
    }

    private static void assertGolden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(actual)
                .as("golden file %s (see %s)", name, GOLDEN.resolve("README.md"))
                .isEqualTo(Files.readString(file));
    }

    @Test
    void summaryJson() throws Exception {
        String json =
                OutputFormat.JSON
                        .renderer()
                        .report(
                                new ReportInput(
                                        withVerdict(currentSummary),
                                        current,
                                        Optional.empty(),
                                        Optional.empty()));
        assertGolden("summary.json", json);
        assertThat(SummaryJson.toJson(SummaryJson.parse(json)))
                .isEqualTo(json); // reads back losslessly
    }

    @Test
    void summaryMarkdown() throws Exception {
        assertGolden(
                "summary.md",
                OutputFormat.MARKDOWN
                        .renderer()
                        .report(
                                new ReportInput(
                                        withVerdict(currentSummary),
                                        current,
                                        Optional.empty(),
                                        Optional.empty())));
    }

    /** The summary with its default-checks verdict, as {@code report} writes it. */
    private static RunSummary withVerdict(RunSummary s) {
        return s.withVerdict(RunVerdicts.evaluate(s, RunChecks.DEFAULTS));
    }

    @Test
    void comparison() throws Exception {
        Comparison c = Comparer.compare(baseSummary, currentSummary);
        assertGolden("compare.json", OutputFormat.JSON.renderer().comparison(c));
        assertGolden("compare.md", OutputFormat.MARKDOWN.renderer().comparison(c));
    }

    @Test
    void gate() throws Exception {
        GateReport g =
                GateEvaluator.evaluate(
                        RuleParser.parse(RULES, List.of(baseSummary, currentSummary)),
                        List.of(base),
                        List.of(current),
                        false);
        assertGolden("gate.json", OutputFormat.JSON.renderer().gate(g));
        assertGolden("gate.md", OutputFormat.MARKDOWN.renderer().gate(g));
        assertGolden("gate.junit.xml", OutputFormat.JUNIT.renderer().gate(g));
    }
}
