package io.tokenbench.simulations.keys.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.EnforcementJson;
import io.tokenbench.simulations.keys.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakAndFalseRejectionTest {

    private static CellOutcome probed(int sent, int admitted, Long ttfrNanos) {
        return new CellOutcome(
                new Cell(4, true, null),
                Cells.KEY,
                1000,
                Cells.drive(1100, 200, false),
                0,
                1100,
                true,
                300,
                sent,
                admitted,
                ttfrNanos,
                List.of());
    }

    @Test
    void aProbeAdmittedAfterTheLedgerShowedNoRoomIsALeak() {
        CheckResult r = LeakCheck.evaluate(List.of(probed(3, 2, null)));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(EnforcementJson.evidence(r).path("leaked_requests").asInt()).isEqualTo(2);
    }

    @Test
    void refusedProbesPassWithTheTimeToTheFirstRejection() {
        CheckResult r = LeakCheck.evaluate(List.of(probed(3, 0, 2_500_000L)));
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(
                        EnforcementJson.evidence(r)
                                .path("cells")
                                .get(0)
                                .path("time_to_first_rejection_ms")
                                .decimalValue())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void leaksDuringASequentialDriveCount() {
        DriveResult d = new DriveResult(List.of(), 1500, 200, false, 5L, 2, null, null, 0);
        CellOutcome c =
                new CellOutcome(
                        new Cell(1, false, null),
                        Cells.KEY,
                        1000,
                        d,
                        0,
                        1500,
                        true,
                        300,
                        0,
                        0,
                        null,
                        List.of());
        assertThat(LeakCheck.evaluate(List.of(c)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void withoutAnExhaustedLedgerLeaksAreNotChecked() {
        assertThat(LeakCheck.evaluate(List.of(probed(0, 0, null))).verdict())
                .isEqualTo(Verdict.NOT_CHECKED);
    }

    private static CellOutcome rejectedWithRemaining(long remaining) {
        DriveResult d =
                new DriveResult(
                        List.of(),
                        800,
                        200,
                        false,
                        null,
                        0,
                        Cells.rejection(403),
                        new VerifyContext.LedgerView(1000 - remaining, null, remaining, 0),
                        0);
        // estimate 300, real cost 200
        return new CellOutcome(
                new Cell(1, false, null),
                Cells.KEY,
                1000,
                d,
                0,
                1000 - remaining,
                true,
                300,
                0,
                0,
                null,
                List.of());
    }

    @Test
    void aRefusalWithRoomForTheEstimateIsFalse() {
        CheckResult r =
                FalseRejectionCheck.evaluate(
                        List.of(rejectedWithRemaining(300)),
                        new FalseRejectionCheck.UnlimitedRun(0, 0, 0, List.of()));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(EnforcementJson.evidence(r).path("false_rejections").asInt()).isEqualTo(1);
    }

    @Test
    void aRefusalWithRoomForTheCostButNotTheEstimateIsQuantified() {
        CheckResult r =
                FalseRejectionCheck.evaluate(
                        List.of(rejectedWithRemaining(250)),
                        new FalseRejectionCheck.UnlimitedRun(0, 0, 0, List.of()));
        assertThat(r.verdict()).isEqualTo(Verdict.QUANTIFIED);
        assertThat(
                        FalseRejectionCheck.evaluate(
                                        List.of(rejectedWithRemaining(100)),
                                        new FalseRejectionCheck.UnlimitedRun(0, 0, 0, List.of()))
                                .verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void aRefusalIsJudgedAgainstTheSettledLedgerNotTheReadRightAfterIt() {
        // The usage endpoint lags: right after the refusal it still shows 600 remaining (room for
        // the estimate 300), but once settled the key has 100 left: a correct refusal.
        DriveResult d =
                new DriveResult(
                        List.of(),
                        900,
                        200,
                        false,
                        null,
                        0,
                        Cells.rejection(403),
                        new VerifyContext.LedgerView(400, null, 600L, 0),
                        0);
        CellOutcome c =
                new CellOutcome(
                        new Cell(1, false, null),
                        Cells.KEY,
                        1000,
                        d,
                        0,
                        900,
                        true,
                        300,
                        0,
                        0,
                        null,
                        List.of(),
                        1500,
                        100L);
        CheckResult r =
                FalseRejectionCheck.evaluate(
                        List.of(c), new FalseRejectionCheck.UnlimitedRun(0, 0, 0, List.of()));
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        JsonNode row = EnforcementJson.evidence(r).path("rejections").get(0);
        assertThat(row.path("remaining_after_rejection_micro_credits").asLong()).isEqualTo(100);
        assertThat(row.path("remaining_read_right_after_rejection_micro_credits").asLong())
                .isEqualTo(600);
        assertThat(row.path("settle_ms").asLong()).isEqualTo(1500);
    }

    @Test
    void anUnlimitedKeyRefusedFails() {
        CheckResult r =
                FalseRejectionCheck.evaluate(
                        List.of(), new FalseRejectionCheck.UnlimitedRun(48, 47, 1, List.of("{}")));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(EnforcementJson.evidence(r).path("unlimited_key").path("rejected").asInt())
                .isEqualTo(1);
    }
}
