package io.tokenbench.simulations.keys.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.simulations.keys.CheckResult;
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
        var cell = r.evidence().path("cells").get(0);
        assertThat(cell.path("overshoot_micro_credits").asLong()).isEqualTo(300);
        assertThat(cell.path("overshoot_share_of_limit").decimalValue())
                .isEqualByComparingTo("0.3");
        assertThat(cell.path("overshoot_in_requests").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(cell.path("bound_micro_credits").asLong()).isEqualTo(800);
        assertThat(
                        r.evidence()
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
}
