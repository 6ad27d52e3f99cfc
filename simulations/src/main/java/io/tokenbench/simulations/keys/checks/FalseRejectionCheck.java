package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Evidence;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * False rejections (key-limits.md item 3). Fails when an unlimited key is refused, or when, at
 * concurrency 1, a refusal came while the settled ledger still had room for the request's
 * pre-consume estimate. A refusal while the ledger had room for the request's real cost but not its
 * estimate is new-api's documented pre-consume behaviour: counted, quantified.
 */
public final class FalseRejectionCheck implements Check {
    /** Requests sent to the unlimited key. */
    static final int UNLIMITED_REQUESTS = 48;

    static final int UNLIMITED_CONCURRENCY = 16;

    /** What the unlimited key saw; {@code sent == 0} when there was none to test. */
    public record UnlimitedRun(
            int sent, int admitted, int rejected, List<String> rejectionBodies) {}

    /** How a concurrency-1 refusal relates to the settled ledger. */
    public enum Kind {
        /** The ledger had room for the request's pre-consume estimate: a false rejection. */
        FALSE_REJECTION,
        /** Room for the real cost, not the estimate: new-api's documented pre-consume refusal. */
        ESTIMATE_ABOVE_REMAINING,
        /** No room: a right refusal. */
        NO_ROOM;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param unlimitedKey what the key with room saw ({@code sent} 0 when there was none)
     */
    public record FalseRejectionEvidence(
            int rejectionsJudged,
            int falseRejections,
            int estimateRejections,
            List<Row> rejections,
            UnlimitedRun unlimitedKey)
            implements Evidence {}

    /**
     * One concurrency-1 refusal.
     *
     * @param remainingReadRightAfterRejectionMicroCredits the read right after the refusal (kept as
     *     evidence; the judgement uses the settled ledger), null when none
     */
    public record Row(
            String cell,
            int status,
            long remainingAfterRejectionMicroCredits,
            long settleMs,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    Long remainingReadRightAfterRejectionMicroCredits,
            long requestCostMicroCredits,
            long estimateMicroCredits,
            Kind kind) {}

    @Override
    public CheckName name() {
        return CheckName.FALSE_REJECTIONS;
    }

    @Override
    public CheckResult run(Findings f) {
        return evaluate(f.cells(), f.unlimitedRun());
    }

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
        List<Row> rows = new ArrayList<>();
        int falseRejections = 0;
        int estimateRejections = 0;
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
            long remaining = c.settledRemainingMicroCredits();
            long cost = c.drive().maxCostMicroCredits();
            Kind kind =
                    remaining >= c.estimateMicroCredits()
                            ? Kind.FALSE_REJECTION
                            : remaining >= cost && cost > 0
                                    ? Kind.ESTIMATE_ABOVE_REMAINING
                                    : Kind.NO_ROOM;
            if (kind == Kind.FALSE_REJECTION) {
                falseRejections++;
            } else if (kind == Kind.ESTIMATE_ABOVE_REMAINING) {
                estimateRejections++;
            }
            rows.add(
                    new Row(
                            c.cell().id(),
                            rejection.status(),
                            remaining,
                            c.settleWaitMs(),
                            after == null ? null : after.remainingMicroCredits(),
                            cost,
                            c.estimateMicroCredits(),
                            kind));
        }
        int judged = rows.size();
        if (judged == 0 && unlimited.sent() == 0) {
            return CheckResult.notChecked(
                    CheckName.FALSE_REJECTIONS,
                    "no rejection at concurrency 1 and no unlimited key");
        }
        FalseRejectionEvidence e =
                new FalseRejectionEvidence(
                        judged, falseRejections, estimateRejections, rows, unlimited);
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
                            + " pre-consume rejection(s) while the ledger had room for the real"
                            + " cost but not the estimate",
                    e);
        }
        return new CheckResult(CheckName.FALSE_REJECTIONS, Verdict.PASS, "no false rejection", e);
    }
}
