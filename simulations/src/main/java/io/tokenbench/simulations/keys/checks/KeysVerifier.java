package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every check in a fixed order against one target: the limit matrix and what is judged from it
 * (overshoot, leaks, false rejections, accounting), refunds, cancel billing, the error contract,
 * and last the checks that move the mock's clock forward (resets, then expiry).
 */
public final class KeysVerifier {
    private final VerifyContext ctx;

    public KeysVerifier(VerifyContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param unlimited an unlimited key for the false-rejection and cancel checks on a live
     *     gateway, or null; ignored on the mock (it creates its own)
     * @param liveReset the reset type of the live keys, or null
     */
    public List<CheckResult> run(KeyHandle unlimited, String liveReset) {
        LimitMatrix.Result matrix = new LimitMatrix(ctx).run();
        List<CellOutcome> cells = matrix.outcomes();
        Calibration cal = matrix.calibration();
        KeyHandle unlimitedKey =
                ctx.mock() ? ctx.createKey("unlimited", null, "none", "none") : unlimited;
        PropagationLag lag =
                unlimitedKey == null
                        ? PropagationLag.notMeasured(
                                "needs a key with room: pass --unlimited-key-env")
                        : PropagationLag.measure(ctx, unlimitedKey);
        FalseRejectionCheck.UnlimitedRun unlimitedRun =
                unlimitedKey == null
                        ? new FalseRejectionCheck.UnlimitedRun(0, 0, 0, List.of())
                        : FalseRejectionCheck.runUnlimited(ctx, unlimitedKey);
        List<CheckResult> results = new ArrayList<>();
        int cellsTotal = cells.size() + matrix.notRun().size();
        results.add(
                OvershootCheck.evaluate(
                        cells,
                        matrix.notRun(),
                        "no key: "
                                + ctx.liveKeys().size()
                                + " --key-env key(s) for "
                                + cellsTotal
                                + " cells (one key per cell, streaming and non-streaming first)"));
        results.add(LeakCheck.evaluate(cells));
        results.add(FalseRejectionCheck.evaluate(cells, unlimitedRun));
        CheckResult accounting = AccountingCheck.run(ctx, cells, lag);
        CheckResult refund = RefundCheck.run(ctx, cal);
        CheckResult cancel =
                CancelBillingCheck.run(
                        ctx,
                        ctx.mock() ? ctx.createKey("cancel", null, "none", "none") : unlimitedKey);
        CheckResult errors =
                ErrorContractCheck.run(ctx, exhaustedKey(cells, cal), preConsumeKey(cal));
        CheckResult reset;
        if (ctx.mock()) {
            reset = new ResetCheck(ctx, cal).run(ResetCase.defaults());
        } else if (!ctx.settings().waitForReset()) {
            reset =
                    CheckResult.notChecked(
                            CheckName.RESET,
                            "a live reset boundary is crossed only with --wait-for-reset");
        } else if (liveReset == null || liveReset.equals("none") || cells.isEmpty()) {
            reset =
                    CheckResult.notChecked(
                            CheckName.RESET,
                            "--wait-for-reset needs --reset daily|weekly|monthly and a used key");
        } else {
            reset = LiveResetCheck.run(ctx, cells.get(0).key(), liveReset);
        }
        CheckResult expiry = new ExpiryCheck(ctx).run();
        results.add(reset);
        results.add(expiry);
        results.add(accounting);
        results.add(refund);
        results.add(cancel);
        results.add(errors);
        results.sort(Comparator.comparing(CheckResult::name));
        return results;
    }

    /**
     * The mock: a fresh key exhausted by one request. Live: the first matrix key whose ledger shows
     * remaining <= 0.
     */
    private KeyHandle exhaustedKey(List<CellOutcome> cells, Calibration cal) {
        if (ctx.mock()) {
            if (cal.costMicroCredits() <= cal.estimateNoMaxMicroCredits()) {
                return null;
            }
            KeyHandle k =
                    ctx.createKey(
                            "exhausted",
                            (cal.estimateNoMaxMicroCredits() + cal.costMicroCredits()) / 2,
                            "none",
                            "none");
            ctx.gateway().call(ctx.probe(), k.secret());
            LedgerSettle.await(ctx, List.of(k));
            // Only a ledger that shows remaining <= 0 makes an "exhausted" refusal (a dropped
            // settlement leaves room).
            return ctx.ledger(k).exhausted() ? k : null;
        }
        for (CellOutcome c : cells) {
            if (ctx.ledger(c.key()).exhausted()) {
                return c.key();
            }
        }
        return null;
    }

    /** The mock: a key whose limit is half the estimate of a request without max_tokens. */
    private KeyHandle preConsumeKey(Calibration cal) {
        return ctx.mock()
                ? ctx.createKey("pre-consume", cal.estimateNoMaxMicroCredits() / 2, "none", "none")
                : null;
    }
}
