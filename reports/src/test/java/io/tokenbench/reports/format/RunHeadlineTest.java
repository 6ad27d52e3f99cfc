package io.tokenbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.gate.RunChecks;
import io.tokenbench.reports.gate.RunVerdicts;
import io.tokenbench.reports.html.Headline;
import io.tokenbench.reports.html.Severity;
import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.testing.TestRuns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headline's colours and numbers: red only for what failed, no Credits without prices. */
class RunHeadlineTest {

    @TempDir Path tmp;

    private RunSummary run(String name, double errorShare) {
        TestRuns.Spec s = TestRuns.spec(name);
        RunSummary built =
                SummaryBuilder.build(
                        RunLoader.load(
                                TestRuns.create(
                                        tmp,
                                        new TestRuns.Spec(
                                                s.scenario(),
                                                s.seed(),
                                                s.seconds(),
                                                s.ratePerSecond(),
                                                s.ttftMedianMs(),
                                                errorShare,
                                                s.startEpochMillis())),
                                false));
        return built.withVerdict(RunVerdicts.evaluate(built, RunChecks.DEFAULTS));
    }

    private static RunSummary with(
            RunSummary s, long microCredits, List<RunSummary.ValidityFlag> flags) {
        return new RunSummary(
                        s.schemaVersion(),
                        s.header(),
                        s.metrics(),
                        s.outcomes(),
                        s.requests(),
                        s.throughput(),
                        s.goodput(),
                        s.errorRate(),
                        microCredits,
                        s.retryAfter(),
                        flags,
                        s.classes())
                .withVerdict(s.verdict().orElseThrow());
    }

    private static Headline.Tile tile(RunSummary s, String label) {
        return RunHeadline.tiles(s).stream()
                .filter(t -> t.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void fifteenPercentErrorsIsRedAndNamesTheFailingCheck() {
        RunSummary s = run("errors15", 0.15);
        assertThat(s.errorRate()).isBetween(0.10, 0.20);
        assertThat(tile(s, "error rate").severity()).isEqualTo(Severity.FAIL);
        assertThat(RunHeadline.html(s))
                .contains("data-verdict=\"fail\"", "class=\"verdict sev-fail\"")
                .contains("<td class=\"sev-fail\">FAIL</td><td>error_rate &lt;= 1%</td>");
    }

    @Test
    void aHarmlessTokenMismatchIsBlueNotARedBanner() {
        RunSummary clean = run("clean", 0.0);
        RunSummary s =
                with(
                        clean,
                        clean.microCredits(),
                        List.of(
                                new RunSummary.ValidityFlag(
                                        "token_mismatch",
                                        "2 requests: client and server counts differ")));
        String html = RunHeadline.html(s);
        assertThat(html)
                .contains(
                        "class=\"verdict sev-pass\"",
                        "class=\"flag sev-info\" data-flag=\"token_mismatch\"")
                .doesNotContain("sev-fail");
        assertThat(tile(s, "error rate").severity()).isEqualTo(Severity.PASS);
        // an invalidating flag is red
        assertThat(RunHeadline.severity(new RunSummary.ValidityFlag("incomplete", "killed")))
                .isEqualTo(Severity.FAIL);
        assertThat(RunHeadline.severity(new RunSummary.ValidityFlag("unfinished_requests", "1")))
                .isEqualTo(Severity.WARN);
    }

    @Test
    void creditsOnlyWhenTheTargetHasPrices() {
        RunSummary priced = run("priced", 0.0);
        assertThat(priced.microCredits()).isPositive();
        assertThat(RunHeadline.tiles(priced)).extracting(Headline.Tile::label).contains("Credits");
        RunSummary free = with(priced, 0, List.of());
        assertThat(RunHeadline.tiles(free))
                .extracting(Headline.Tile::label)
                .doesNotContain("Credits")
                .contains(
                        "requests",
                        "error rate",
                        "goodput",
                        "SLO attainment",
                        "ttft p50 / p99 (ms)");
        assertThat(RunHeadline.html(free)).doesNotContain("Credits");
    }
}
