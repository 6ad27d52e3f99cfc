package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * False rejections (key-limits.md item 3). Fails when an unlimited key is refused, or when, at
 * concurrency 1, a refusal came while the settled ledger still had room for the request's
 * pre-consume estimate. A refusal while the ledger had room for the request's real cost but not its
 * estimate is new-api's documented pre-consume behaviour: counted, quantified.
 */
public final class FalseRejectionCheck {
    /** Requests sent to the unlimited key. */
    static final int UNLIMITED_REQUESTS = 48;

    static final int UNLIMITED_CONCURRENCY = 16;

    /** What the unlimited key saw; {@code sent == 0} when there was none to test. */
    public record UnlimitedRun(
            int sent, int admitted, int rejected, List<String> rejectionBodies) {}

    private FalseRejectionCheck() {}

    /** Sends {@link #UNLIMITED_REQUESTS} requests at concurrency {@link #UNLIMITED_CONCURRENCY}. */
    public static UnlimitedRun runUnlimited(VerifyContext ctx, KeyHandle key) {
        ExecutorService pool = Executors.newFixedThreadPool(UNLIMITED_CONCURRENCY);
        try {
            List<Future<CallResult>> calls = new ArrayList<>();
            for (int i = 0; i < UNLIMITED_REQUESTS; i++) {
                calls.add(pool.submit(() -> ctx.gateway().call(ctx.probe(), key.secret())));
            }
            int admitted = 0;
            int rejected = 0;
            List<String> bodies = new ArrayList<>();
            for (Future<CallResult> f : calls) {
                CallResult r = f.get();
                if (r.admitted()) {
                    admitted++;
                } else if (r.rejected()) {
                    rejected++;
                    if (bodies.size() < 3) {
                        bodies.add(r.errorBody());
                    }
                }
            }
            return new UnlimitedRun(calls.size(), admitted, rejected, bodies);
        } catch (Exception e) {
            throw new IllegalStateException("unlimited key run failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    public static CheckResult evaluate(List<CellOutcome> cells, UnlimitedRun unlimited) {
        ArrayNode rows = Evidence.array();
        int falseRejections = 0;
        int estimateRejections = 0;
        int judged = 0;
        for (CellOutcome c : cells) {
            CallResult rejection = c.drive().firstRejection();
            VerifyContext.LedgerView after = c.drive().ledgerAfterRejection();
            // Judged against the settled ledger: a sequential drive sends nothing after its
            // refusal, so the settled balance is the one the gateway refused against, whereas a
            // read right after the refusal may still miss spend on an endpoint that lags.
            if (c.cell().concurrency() != 1
                    || rejection == null
                    || c.settledRemainingMicroCredits() == null
                    || c.estimateMicroCredits() < 0) {
                continue;
            }
            judged++;
            long remaining = c.settledRemainingMicroCredits();
            long cost = c.drive().maxCostMicroCredits();
            String kind =
                    remaining >= c.estimateMicroCredits()
                            ? "false_rejection"
                            : remaining >= cost && cost > 0
                                    ? "estimate_above_remaining"
                                    : "no_room";
            if (kind.equals("false_rejection")) {
                falseRejections++;
            } else if (kind.equals("estimate_above_remaining")) {
                estimateRejections++;
            }
            ObjectNode row = rows.addObject();
            row.put("cell", c.cell().id());
            row.put("status", rejection.status());
            row.put("remaining_after_rejection_micro_credits", remaining);
            row.put("settle_ms", c.settleWaitMs());
            if (after != null && after.remainingMicroCredits() != null) {
                row.put(
                        "remaining_read_right_after_rejection_micro_credits",
                        after.remainingMicroCredits());
            }
            row.put("request_cost_micro_credits", cost);
            row.put("estimate_micro_credits", c.estimateMicroCredits());
            row.put("kind", kind);
        }
        ObjectNode e = Evidence.object();
        e.put("rejections_judged", judged);
        e.put("false_rejections", falseRejections);
        e.put("estimate_rejections", estimateRejections);
        e.set("rejections", rows);
        ObjectNode u = e.putObject("unlimited_key");
        u.put("sent", unlimited.sent());
        u.put("admitted", unlimited.admitted());
        u.put("rejected", unlimited.rejected());
        ArrayNode bodies = u.putArray("rejection_bodies");
        unlimited.rejectionBodies().forEach(bodies::add);
        if (judged == 0 && unlimited.sent() == 0) {
            return CheckResult.notChecked(
                    CheckName.FALSE_REJECTIONS,
                    "no rejection at concurrency 1 and no unlimited key");
        }
        if (unlimited.rejected() > 0 || falseRejections > 0) {
            return new CheckResult(
                    CheckName.FALSE_REJECTIONS,
                    Verdict.FAIL,
                    unlimited.rejected()
                            + " rejection(s) of the unlimited key, "
                            + falseRejections
                            + " rejection(s) while the ledger had room",
                    e);
        }
        if (estimateRejections > 0) {
            return new CheckResult(
                    CheckName.FALSE_REJECTIONS,
                    Verdict.QUANTIFIED,
                    estimateRejections
                            + " pre-consume rejection(s) while the ledger had room for the real cost but not the estimate",
                    e);
        }
        return new CheckResult(CheckName.FALSE_REJECTIONS, Verdict.PASS, "no false rejection", e);
    }
}
