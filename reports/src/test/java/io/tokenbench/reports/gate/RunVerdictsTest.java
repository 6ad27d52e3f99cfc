package io.tokenbench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.model.CheckResult;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.RunVerdict;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.model.SummaryJson;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run verdict: default checks, --check replace/add semantics, states and exit codes. */
class RunVerdictsTest {

    @TempDir Path tmp;

    private RunSummary summary(TestRuns.Spec spec) {
        return SummaryBuilder.build(RunLoader.load(TestRuns.create(tmp, spec), false));
    }

    private static TestRuns.Spec withErrors(String name, double errorShare) {
        TestRuns.Spec s = TestRuns.spec(name);
        return new TestRuns.Spec(
                name, 7, s.seconds(), s.ratePerSecond(), 50, errorShare, s.startEpochMillis());
    }

    private static CheckResult check(RunVerdict v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCleanRunPassesTheDefaultChecks() {
        RunSummary s = summary(withErrors("clean", 0.0));
        RunVerdict v = RunVerdicts.evaluate(s, RunChecks.DEFAULTS);
        assertThat(v.checks())
                .extracting(CheckResult::name)
                .containsExactly("run is valid", "error_rate <= 1%", "requests.successful >= 1");
        assertThat(v.checks()).allMatch(c -> c.status() == CheckResult.Status.PASS);
        assertThat(v.state()).isEqualTo(RunVerdict.State.PASS);
        assertThat(v.exitCode()).isEqualTo(0);
        assertThat(check(v, "error_rate <= 1%").measured()).isEqualTo(0.0);
        assertThat(check(v, "requests.successful >= 1").measured())
                .isEqualTo((double) s.outcomes().get(Outcome.OK));
    }

    @Test
    void fifteenPercentErrorsFailTheErrorRateCheckWithItsMeasuredValue() {
        RunSummary s = summary(withErrors("errors", 0.15));
        RunVerdict v = RunVerdicts.evaluate(s, RunChecks.DEFAULTS);
        CheckResult errorRate = check(v, "error_rate <= 1%");
        assertThat(errorRate.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(errorRate.measured()).isEqualTo(s.errorRate()).isBetween(0.10, 0.20);
        assertThat(errorRate.threshold()).isEqualTo(0.01);
        assertThat(errorRate.origin()).isEqualTo(CheckResult.Origin.DEFAULT);
        assertThat(v.state()).isEqualTo(RunVerdict.State.FAIL);
        assertThat(v.exitCode()).isEqualTo(1);
    }

    @Test
    void everyRequestFailedFailsBothDefaultChecks() {
        RunSummary s = summary(withErrors("all-failed", 1.0));
        RunVerdict v = RunVerdicts.evaluate(s, RunChecks.DEFAULTS);
        assertThat(check(v, "requests.successful >= 1").status())
                .isEqualTo(CheckResult.Status.FAIL);
        assertThat(check(v, "requests.successful >= 1").measured()).isEqualTo(0.0);
        assertThat(check(v, "error_rate <= 1%").measured()).isEqualTo(1.0);
        assertThat(v.exitCode()).isEqualTo(1);
    }

    @Test
    void aUserRuleOnTheSameFigureReplacesTheDefaultAndOthersAreAdded() {
        RunSummary s = summary(withErrors("replace", 0.15));
        RunChecks checks = RunChecks.parse(List.of("error_rate <= 30%", "ttft_sched.p99 <= 1ms"));
        RunVerdict v = RunVerdicts.evaluate(s, checks);
        assertThat(v.checks())
                .extracting(CheckResult::name)
                .containsExactly(
                        "run is valid",
                        "requests.successful >= 1",
                        "error_rate <= 30%",
                        "ttft_sched.p99 <= 1ms");
        assertThat(check(v, "error_rate <= 30%").status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(check(v, "error_rate <= 30%").origin()).isEqualTo(CheckResult.Origin.USER);
        CheckResult ttft = check(v, "ttft_sched.p99 <= 1ms");
        assertThat(ttft.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(ttft.unit()).isEqualTo("ms");
        assertThat(ttft.measured()).isGreaterThan(1.0);
        assertThat(v.state()).isEqualTo(RunVerdict.State.FAIL);

        RunVerdict relaxed = RunVerdicts.evaluate(s, RunChecks.parse(List.of("error_rate <= 30%")));
        assertThat(relaxed.state()).isEqualTo(RunVerdict.State.PASS);
    }

    @Test
    void aCheckOnAFigureWithoutDataIsNotEvaluatedNeverPassed() {
        RunSummary s = summary(withErrors("no-images", 0.0));
        RunVerdict v = RunVerdicts.evaluate(s, RunChecks.parse(List.of("image_e2e.p99 <= 5s")));
        assertThat(check(v, "image_e2e.p99 <= 5s").status())
                .isEqualTo(CheckResult.Status.NOT_EVALUATED);
        assertThat(check(v, "image_e2e.p99 <= 5s").measured()).isNaN();
        assertThat(v.state()).isEqualTo(RunVerdict.State.NOT_EVALUATED);
        assertThat(v.exitCode()).isEqualTo(2);
        // a failing check wins over one that could not be evaluated
        RunVerdict both =
                RunVerdicts.evaluate(
                        s, RunChecks.parse(List.of("image_e2e.p99 <= 5s", "ttft.p50 <= 1us")));
        assertThat(both.exitCode()).isEqualTo(1);
    }

    @Test
    void anInvalidatingFlagMakesTheRunInvalidWhateverTheOtherChecksSay() {
        RunSummary clean = summary(withErrors("saturated", 0.0));
        RunSummary saturated =
                new RunSummary(
                        clean.schemaVersion(),
                        clean.header(),
                        clean.metrics(),
                        clean.outcomes(),
                        clean.requests(),
                        clean.throughput(),
                        clean.goodput(),
                        clean.errorRate(),
                        clean.microCredits(),
                        clean.retryAfter(),
                        List.of(
                                new RunSummary.ValidityFlag(
                                        "load_generator_saturated", "dispatch lag"),
                                new RunSummary.ValidityFlag("closed_model", "informational")),
                        clean.classes());
        RunVerdict v = RunVerdicts.evaluate(saturated, RunChecks.DEFAULTS);
        CheckResult validity = check(v, RunVerdict.VALIDITY_CHECK);
        assertThat(validity.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(validity.measured()).isEqualTo(1.0); // closed_model does not invalidate
        assertThat(validity.detail()).contains("load_generator_saturated").doesNotContain("closed");
        assertThat(v.state()).isEqualTo(RunVerdict.State.INVALID);
        assertThat(v.exitCode()).isEqualTo(1);
    }

    @Test
    void badChecksAreRefusedNamingEachOne() {
        assertThatThrownBy(
                        () ->
                                RunChecks.parse(
                                        List.of(
                                                "ttft_sched.p99 <= 800ms",
                                                "ttft_shed.p99 <= 800ms",
                                                "ttft.p99 <= baseline + 10%")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check 2 'ttft_shed.p99 <= 800ms': unknown metric")
                .hasMessageContaining("check 3 'ttft.p99 <= baseline + 10%'")
                .hasMessageNotContaining("check 1");
        assertThat(RunChecks.parse(List.of("images.error_rate <= 1%")).userRules())
                .singleElement()
                .satisfies(r -> assertThat(r.quantity().name()).isEqualTo("images.error_rate"));
    }

    @Test
    void theVerdictGoesIntoSummaryJsonAndJunitXmlShowsTheFailingErrorRate() throws Exception {
        Path dir = TestRuns.create(tmp.resolve("junit"), withErrors("junit", 0.15));
        ReportWriter.Written w =
                ReportWriter.writeAll(dir, RunChecks.parse(List.of("ttft_sched.p99 <= 10s")));
        assertThat(w.verdict().state()).isEqualTo(RunVerdict.State.FAIL);

        String json = Files.readString(dir.resolve(RunFolder.SUMMARY_JSON));
        RunSummary read = SummaryJson.parse(json);
        assertThat(read.verdict()).contains(w.verdict());
        assertThat(json).contains("\"state\" : \"fail\"", "\"exit_code\" : 1");

        String junit = Files.readString(dir.resolve(RunFolder.JUNIT_XML));
        assertThat(junit)
                .contains(
                        "<testsuite name=\"tokenbench.verdict\" tests=\"4\" failures=\"1\""
                                + " errors=\"0\"")
                .contains("name=\"error_rate &lt;= 1%\">\n    <failure message=\"error_rate = ")
                .contains("name=\"ttft_sched.p99 &lt;= 10s\"></testcase>");
        assertThat(Files.readString(dir.resolve(RunFolder.SUMMARY_MD)))
                .contains("## Verdict: FAIL: 1 of 4 checks failed")
                .containsPattern(
                        "\\| FAIL \\| error_rate <= 1% \\| 1\\d\\.\\d\\d% \\| <= 1.00% \\|");
        assertThat(Files.readString(dir.resolve(RunFolder.REPORT_HTML)))
                // issue 16: the verdict box coloured by severity (red: a check failed)
                .contains("<div id=\"verdict\" class=\"verdict sev-fail\" data-verdict=\"fail\">");
        assertThat(w.headlineText()).contains("Verdict: FAIL", "error_rate <= 1%", "Top errors");
    }

    @Test
    void summaryJsonWithoutAVerdictStillReads() {
        RunSummary s = summary(withErrors("old-reader", 0.0));
        String withoutVerdict = SummaryJson.toJson(s);
        assertThat(withoutVerdict).doesNotContain("\"verdict\"");
        assertThat(SummaryJson.parse(withoutVerdict).verdict()).isEmpty();
        assertThat(Map.of("schema_version", RunSummary.SCHEMA_VERSION))
                .containsEntry("schema_version", 1);
    }
}
