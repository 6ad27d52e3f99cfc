package io.tokenbench.simulations.keys.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.EnforcementJson;
import io.tokenbench.simulations.keys.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class OvershootCheckTest {

    @Test
    void overshootWithinConcurrencyTimesMaxCostIsQuantifiedWithItsShareOfTheLimit() {
        // limit 1000, charged 1300, 4 workers, max cost 200: bound 800, overshoot 300 = 0.3 of the
        // limit, 1.5 requests
        CheckResult r =
                OvershootCheck.evaluate(
                        List.of(Cells.outcome(4, null, 1000, 1300, Cells.drive(1300, 200, false))));
        assertThat(r.verdict()).isEqualTo(Verdict.QUANTIFIED);
        var cell = EnforcementJson.evidence(r).path("cells").get(0);
        assertThat(cell.path("overshoot_micro_credits").asLong()).isEqualTo(300);
        assertThat(cell.path("overshoot_share_of_limit").decimalValue())
                .isEqualByComparingTo("0.3");
        assertThat(cell.path("overshoot_in_requests").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(cell.path("bound_micro_credits").asLong()).isEqualTo(800);
        assertThat(
                        EnforcementJson.evidence(r)
                                .path("by_concurrency")
                                .get(0)
                                .path("max_overshoot_micro_credits")
                                .asLong())
                .isEqualTo(300);
    }

    @Test
    void overshootAboveTheBoundFails() {
        CheckResult r =
                OvershootCheck.evaluate(
                        List.of(Cells.outcome(4, null, 1000, 1801, Cells.drive(1801, 200, false))));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("c4-json-nomax").contains("above 4 x max request cost");
    }

    @Test
    void anyOvershootOfASequentialClientWithMaxTokensFails() {
        CheckResult r =
                OvershootCheck.evaluate(
                        List.of(Cells.outcome(1, 200, 1000, 1001, Cells.drive(1001, 200, false))));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("concurrency 1 with max_tokens");
    }

    @Test
    void aKeyThatNeverStoppedFailsEvenWithoutOvershootInTheLedger() {
        CheckResult r =
                OvershootCheck.evaluate(
                        List.of(Cells.outcome(16, null, 1000, 900, Cells.drive(9000, 200, true))));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("never stopped");
    }

    @Test
    void noOvershootAnywherePassesAndNoCellsIsNotChecked() {
        assertThat(
                        OvershootCheck.evaluate(
                                        List.of(
                                                Cells.outcome(
                                                        64,
                                                        200,
                                                        1000,
                                                        1000,
                                                        Cells.drive(1000, 200, false))))
                                .verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(OvershootCheck.evaluate(List.of()).verdict()).isEqualTo(Verdict.NOT_CHECKED);
    }

    @Test
    void cellsWithoutAKeyAreNotCheckedWithTheReasonAndCounted() {
        CheckResult r =
                OvershootCheck.evaluate(
                        List.of(Cells.outcome(1, 200, 1000, 1000, Cells.drive(1000, 200, false))),
                        List.of(new Cell(4, true, null), new Cell(4, false, 200)),
                        "no key: 1 --key-env key(s) for 3 cells");
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.summary()).contains("1 of 3 cells checked", "2 not run");
        assertThat(EnforcementJson.evidence(r).path("coverage").path("cells_checked").asInt())
                .isEqualTo(1);
        assertThat(EnforcementJson.evidence(r).path("cells_not_run").get(0).path("reason").asText())
                .contains("no key");
        assertThat(EnforcementJson.evidence(r).path("cells_not_run").get(1).path("cell").asText())
                .isEqualTo("c4-json-max200");
    }

    @Test
    void aCellRefusedFarBelowItsLimitIsNotAPass() {
        // Limit 1000, refused at 190 used with room for 4 more requests of 200.
        DriveResult d =
                new DriveResult(List.of(), 190, 200, false, null, 0, Cells.rejection(403), null, 0);
        CheckResult r =
                OvershootCheck.evaluate(
                        List.of(Cells.outcome(1, 200, 1000, 190, d)), List.of(), "");
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_CHECKED);
        var row = EnforcementJson.evidence(r).path("cells").get(0);
        assertThat(row.path("verdict").asText()).isEqualTo("not_checked");
        assertThat(row.path("used_share_of_limit").asDouble()).isEqualTo(0.19);
        assertThat(row.path("proves").asText()).contains("19 %", "4 more", "pre-consume");
        assertThat(
                        EnforcementJson.evidence(r)
                                .path("coverage")
                                .path("cells_stopped_before_limit")
                                .asInt())
                .isEqualTo(1);
    }
}
