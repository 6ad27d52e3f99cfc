package io.tokenbench.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.model.Quantity;
import io.tokenbench.reports.model.RunHeader;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.testing.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare warns when the runs are not alike, and compares totals by their difference only. */
class ComparerWarningsTest {

    @TempDir Path tmp;

    private RunSummary run(String name, int seconds, int rate) {
        TestRuns.Spec s = TestRuns.spec(name);
        return SummaryBuilder.build(
                RunLoader.load(
                        TestRuns.create(
                                tmp,
                                new TestRuns.Spec(
                                        s.scenario(),
                                        s.seed(),
                                        seconds,
                                        rate,
                                        s.ttftMedianMs(),
                                        s.errorShare(),
                                        s.startEpochMillis())),
                        false));
    }

    private static RunSummary withTarget(RunSummary s, String target) {
        RunHeader h = s.header();
        return new RunSummary(
                s.schemaVersion(),
                new RunHeader(
                        h.scenario(),
                        h.driver(),
                        target,
                        h.startedAt(),
                        h.loadModel(),
                        h.warmupMillis(),
                        h.measurementMillis(),
                        h.graceMillis(),
                        h.intervalMillis(),
                        h.measuredSeconds(),
                        h.versions()),
                s.metrics(),
                s.outcomes(),
                s.requests(),
                s.throughput(),
                s.goodput(),
                s.errorRate(),
                s.microCredits(),
                s.retryAfter(),
                s.validity(),
                s.classes());
    }

    @Test
    void alikeRunsGiveNoWarning() {
        Comparison c = Comparer.compare(run("a", 20, 50), run("b", 20, 50));
        assertThat(c.warnings()).isEmpty();
        assertThat(OutputFormat.TEXT.renderer().comparison(c)).doesNotContain("Warning");
    }

    @Test
    void loadShapeDurationAndTargetEachGiveAWarningInEveryFormat() {
        RunSummary base = run("base", 20, 50);
        RunSummary current = withTarget(run("current", 40, 80), "http://10.0.0.9:8080/v1");
        Comparison c = Comparer.compare(base, current);
        assertThat(c.warnings())
                .hasSize(3)
                .anySatisfy(w -> assertThat(w).contains("load shapes", "50.0 req/s", "80.0 req/s"))
                .anySatisfy(
                        w -> assertThat(w).contains("measured windows differ", "16.0 s", "36.0 s"))
                .anySatisfy(w -> assertThat(w).contains("different targets", "10.0.0.9"));
        assertThat(OutputFormat.TEXT.renderer().comparison(c))
                .contains("Warning: these runs differ in setup", "different targets");
        assertThat(OutputFormat.MARKDOWN.renderer().comparison(c))
                .contains("**Warning**", "- the runs had different load shapes");
        assertThat(OutputFormat.JSON.renderer().comparison(c))
                .contains("\"warnings\" : [ \"the runs had different load shapes");
    }

    @Test
    void creditsTotalIsADifferenceNeverAPercentage() {
        Comparison c = Comparer.compare(run("short", 20, 50), run("long", 40, 50));
        Delta credits =
                c.run().stream()
                        .filter(d -> d.quantity().name().equals("credits.total"))
                        .findFirst()
                        .orElseThrow();
        assertThat(credits.quantity().isTotal()).isTrue();
        assertThat(credits.absolute()).isPositive();
        assertThat(credits.relative()).isNaN();
        Delta rate =
                c.run().stream()
                        .filter(d -> d.quantity().name().equals("throughput.completed_rps"))
                        .findFirst()
                        .orElseThrow();
        assertThat(rate.quantity().isTotal()).isFalse();
        assertThat(Quantity.RUN_FIGURES).filteredOn(Quantity::isTotal).hasSize(1);
        assertThat(OutputFormat.MARKDOWN.renderer().comparison(c))
                .containsPattern(
                        "\\| credits\\.total \\| [^|]+ \\| [^|]+ \\| \\+[^|]+ Credits \\| \\(a total\\) \\|");
    }
}
