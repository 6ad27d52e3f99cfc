package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
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
public final class RefundCheck {
    static final int FAILED_REQUESTS = 3;

    private RefundCheck() {}

    public static CheckResult run(VerifyContext ctx, Calibration calibration) {
        if (!ctx.mock()) {
            return CheckResult.notChecked(
                    CheckName.REFUND,
                    "needs the mock: upstream errors cannot be provoked on a live gateway");
        }
        KeyHandle key =
                ctx.createKey(
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
        MockAdmin.KeyView v = ctx.admin().key(key.adminId());
        List<MockAdmin.LogRow> logs = ctx.admin().logs(key.adminId());
        long logCredits = logs.stream().mapToLong(MockAdmin.LogRow::microCredits).sum();
        ObjectNode e = Evidence.object();
        e.put("requests_failed_upstream", failedUpstream);
        e.put("requests_with_other_status", otherStatus);
        e.put(
                "reserved_each_micro_credits",
                ctx.price()
                        .estimateMicroCredits(
                                calibration.promptTokens(), ctx.settings().maxTokens()));
        e.put("ledger_used_total_after_micro_credits", v.usedTotalMicroCredits());
        e.put("log_rows", logs.size());
        e.put("log_credits_micro_credits", logCredits);
        if (failedUpstream == 0) {
            e.put("reason", "the mock did not fail any request (x-mock-fault ignored?)");
            return new CheckResult(
                    CheckName.REFUND, Verdict.NOT_CHECKED, e.get("reason").asText(), e);
        }
        if (v.usedTotalMicroCredits() != 0 || logCredits != 0) {
            return new CheckResult(
                    CheckName.REFUND,
                    Verdict.FAIL,
                    "after "
                            + failedUpstream
                            + " upstream errors before the first byte the ledger keeps "
                            + v.usedTotalMicroCredits()
                            + " micro-Credits",
                    e);
        }
        return new CheckResult(
                CheckName.REFUND,
                Verdict.PASS,
                "reservations of " + failedUpstream + " failed requests refunded; ledger back to 0",
                e);
    }
}
