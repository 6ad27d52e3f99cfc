package io.tokenbench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {

    private static List<Rule> rules(List<RunData> runs, String... lines) {
        List<RunSummary> known = runs.stream().map(SummaryBuilder::build).toList();
        return RuleParser.parse(List.of(lines), known);
    }

    private static Verdict verdict(String rule, List<RunData> baseline, List<RunData> current) {
        List<RunData> all = new java.util.ArrayList<>(baseline);
        all.addAll(current);
        return GateEvaluator.evaluate(rules(all, rule), baseline, current, false)
                .results()
                .get(0)
                .verdict();
    }

    @Test
    void parsesAbsoluteAndRelativeRulesWithUnits() {
        RunData r = SyntheticRuns.run(1, 4, 50, 100);
        List<Rule> rules =
                rules(
                        List.of(r),
                        "ttft.p99 <= 0.8s",
                        "ttft.p99.9 < 900000us",
                        "outcome.http_5xx.rate <= 0.5%",
                        "ttft.p50 <= baseline + 10%",
                        "throughput.completed_rps >= baseline - 5%",
                        "ttft.mean <= baseline + 20ms",
                        "ttft.max <= baseline * 1.5",
                        "ttft.p90 <= baseline");
        assertThat(rules.get(0).threshold()).isEqualTo(new Rule.Absolute(800));
        assertThat(rules.get(1).quantity().name()).isEqualTo("ttft.p99_9");
        assertThat(rules.get(1).threshold()).isEqualTo(new Rule.Absolute(900));
        assertThat(rules.get(1).op()).isEqualTo(Rule.Op.LT);
        assertThat(rules.get(2).threshold()).isEqualTo(new Rule.Absolute(0.005));
        assertThat(rules.get(3).threshold().limit(200)).isEqualTo(220.00000000000003);
        assertThat(rules.get(4).threshold().limit(100)).isEqualTo(95);
        assertThat(rules.get(5).threshold().limit(100)).isEqualTo(120);
        assertThat(rules.get(6).threshold().limit(100)).isEqualTo(150);
        assertThat(rules.get(7).threshold().limit(100)).isEqualTo(100);
    }

    @Test
    void reportsEveryBadLine() {
        RunData r = SyntheticRuns.run(1, 2, 10, 100);
        assertThatThrownBy(
                        () ->
                                rules(
                                        List.of(r),
                                        "ttft.p99 <= 800ms",
                                        "nosuch.p99 <= 1ms",
                                        "ttft.p42 <= 1ms",
                                        "outcome.http_999.rate <= 1%",
                                        "ttft.p99 <= 5%",
                                        "error_rate <= 5ms",
                                        "ttft.p99 = 3"))
                .hasMessageContaining("line 2: unknown metric 'nosuch'")
                .hasMessageContaining("line 3: unknown statistic 'p42'")
                .hasMessageContaining("line 4: unknown outcome 'http_999'")
                .hasMessageContaining("line 5: '%' only applies")
                .hasMessageContaining("line 6: unit 'ms' does not apply to error_rate")
                .hasMessageContaining("line 7: cannot parse")
                .hasMessageNotContaining("line 1:");
    }

    @Test
    void absoluteRulesUseThePooledCurrentRuns() {
        RunData a = SyntheticRuns.run(1, 10, 200, 100);
        RunData b = SyntheticRuns.run(2, 10, 200, 100);
        GateReport g =
                GateEvaluator.evaluate(
                        rules(List.of(a, b), "ttft.count <= 4000", "ttft.count < 4000"),
                        List.of(),
                        List.of(a, b),
                        false);
        assertThat(g.results()).extracting(RuleResult::actual).containsExactly(4000.0, 4000.0);
        assertThat(g.results())
                .extracting(RuleResult::verdict)
                .containsExactly(Verdict.PASS, Verdict.FAIL);
        assertThat(g.exitCode()).isEqualTo(GateReport.REGRESSION);
    }

    @Test
    void aFailingRuleExitsOneEvenWhenAnotherCouldNotBeEvaluated() {
        RunData r = SyntheticRuns.run(1, 10, 200, 100);
        // image_e2e has no samples in a chat run: cannot be evaluated; ttft.p50 of ~100 ms > 1 ms
        List<Rule> both = rules(List.of(r), "image_e2e.p99 <= 800ms", "ttft.p50 <= 1ms");
        GateReport g = GateEvaluator.evaluate(both, List.of(), List.of(r), false);
        assertThat(g.results())
                .extracting(RuleResult::verdict)
                .containsExactly(Verdict.ERROR, Verdict.FAIL);
        assertThat(g.exitCode()).isEqualTo(GateReport.REGRESSION);
        // without the failing rule, the unevaluable one still makes the gate unable to decide
        List<Rule> onlyMissing = rules(List.of(r), "image_e2e.p99 <= 800ms", "ttft.p50 <= 10s");
        assertThat(GateEvaluator.evaluate(onlyMissing, List.of(), List.of(r), false).exitCode())
                .isEqualTo(GateReport.CANNOT_EVALUATE);
    }

    @Test
    void bootstrapSeesARealRegressionAndNoneWhereThereIsNone() {
        List<RunData> base = List.of(SyntheticRuns.run(1, 30, 200, 100));
        List<RunData> same = List.of(SyntheticRuns.run(2, 30, 200, 100));
        List<RunData> slower = List.of(SyntheticRuns.run(3, 30, 200, 130));
        assertThat(verdict("ttft.p99 <= baseline + 10%", base, slower)).isEqualTo(Verdict.FAIL);
        assertThat(verdict("ttft.p50 <= baseline + 10%", base, slower)).isEqualTo(Verdict.FAIL);
        assertThat(verdict("ttft.p50 <= baseline + 10%", base, same)).isEqualTo(Verdict.PASS);
        // a 30 % slowdown against a 50 % allowance: pass
        assertThat(verdict("ttft.p50 <= baseline + 50%", base, slower)).isEqualTo(Verdict.PASS);
        // the very same data against a zero tolerance: the margin's interval straddles 0
        assertThat(verdict("ttft.p50 <= baseline", base, base)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict("outcome.http_5xx.rate <= baseline * 3", base, same))
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void inconclusiveFailsTheGateOnlyWhenAskedTo() {
        List<RunData> base = List.of(SyntheticRuns.run(1, 30, 200, 100));
        List<Rule> r = rules(base, "ttft.p50 <= baseline");
        assertThat(GateEvaluator.evaluate(r, base, base, false).results().get(0).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(GateEvaluator.evaluate(r, base, base, false).exitCode())
                .isEqualTo(GateReport.PASS);
        assertThat(GateEvaluator.evaluate(r, base, base, true).exitCode())
                .isEqualTo(GateReport.REGRESSION);
    }

    /**
     * False alarms on identical runs (same distribution, different seeds), 60 pairs: with zero
     * tolerance the two-sided 90 % interval should say "fail" in about 5 % of pairs; with a 10 %
     * tolerance almost never. The README reports a 400-pair measurement ({@link FalseAlarmRate}).
     */
    @Test
    void falseAlarmRateOnIdenticalRunsStaysNearTheNominalLevel() {
        int[] fails =
                FalseAlarmRate.measure(
                        60, 1, List.of("ttft.p50 <= baseline", "ttft.p99 <= baseline + 10%"));
        assertThat(fails[0])
                .as("fails of ttft.p50 <= baseline in 60 identical pairs")
                .isLessThanOrEqualTo(8);
        assertThat(fails[1])
                .as("fails of ttft.p99 <= baseline + 10%% in 60 identical pairs")
                .isLessThanOrEqualTo(2);
    }
}
