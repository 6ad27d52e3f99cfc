package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Evidence;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.util.List;

/**
 * Refunds (key-limits.md "Settlement", list (c) item 9): requests that fail upstream before the
 * first byte (the mock's {@code x-mock-fault: http_500}) reserve their estimate at admission; the
 * ledger must return to zero once they settle, and their log rows charge nothing. Needs the mock: a
 * live gateway's upstream cannot be made to fail on purpose.
 */
public final class RefundCheck implements Check {
    static final int FAILED_REQUESTS = 3;

    /**
     * @param reason why nothing was judged (no request failed upstream), or null
     */
    public record RefundEvidence(
            int requestsFailedUpstream,
            int requestsWithOtherStatus,
            long reservedEachMicroCredits,
            long ledgerUsedTotalAfterMicroCredits,
            int logRows,
            long logCreditsMicroCredits,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason)
            implements Evidence {}

    @Override
    public CheckName name() {
        return CheckName.REFUND;
    }

    @Override
    public CheckResult run(Findings f) {
        VerifyContext ctx = f.ctx();
        MockAdmin admin =
                ctx.target()
                        .admin(
                                "needs the mock: upstream errors cannot be provoked on a live gateway");
        Calibration calibration = f.calibration().orElseThrow();
        KeyHandle key =
                ctx.target()
                        .createKey(
                                "refund",
                                100 * calibration.costMicroCredits()
                                        + calibration.estimateNoMaxMicroCredits(),
                                "none",
                                "none");
        int failedUpstream = 0;
        int otherStatus = 0;
        for (int i = 0; i < FAILED_REQUESTS; i++) {
            CallResult r =
                    ctx.gateway()
                            .call(
                                    ctx.probe()
                                            .withMaxTokens(ctx.settings().maxTokens())
                                            .withHeader("x-mock-fault", "http_500"),
                                    key.secret());
            if (r.status() == 500) {
                failedUpstream++;
            } else {
                otherStatus++;
            }
        }
        LedgerSettle.await(ctx, List.of(key));
        MockAdmin.KeyView v = admin.key(key.adminId());
        List<MockAdmin.LogRow> logs = admin.logs(key.adminId());
        long logCredits = logs.stream().mapToLong(MockAdmin.LogRow::microCredits).sum();
        String why =
                failedUpstream == 0
                        ? "the mock did not fail any request (x-mock-fault ignored?)"
                        : null;
        RefundEvidence e =
                new RefundEvidence(
                        failedUpstream,
                        otherStatus,
                        ctx.price()
                                .estimateMicroCredits(
                                        calibration.promptTokens(), ctx.settings().maxTokens()),
                        v.usedTotalMicroCredits(),
                        logs.size(),
                        logCredits,
                        why);
        if (why != null) {
            return new CheckResult(name(), Verdict.NOT_CHECKED, why, e);
        }
        if (v.usedTotalMicroCredits() != 0 || logCredits != 0) {
            return new CheckResult(
                    name(),
                    Verdict.FAIL,
                    "after "
                            + failedUpstream
                            + " upstream errors before the first byte the ledger keeps "
                            + v.usedTotalMicroCredits()
                            + " micro-Credits",
                    e);
        }
        return new CheckResult(
                name(),
                Verdict.PASS,
                "reservations of " + failedUpstream + " failed requests refunded; ledger back to 0",
                e);
    }
}
