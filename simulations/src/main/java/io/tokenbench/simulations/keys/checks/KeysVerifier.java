package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.CheckResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs every check against one target: first the shared traffic (the limit matrix, then on the key
 * with room the propagation-lag figure and the unlimited run), then the {@link Check}s in a fixed
 * order: what is judged from the matrix (overshoot, leaks, false rejections, accounting), refunds,
 * cancel billing, the error contract, and last the checks that move the mock's clock forward
 * (resets, then expiry). Results are returned in report order ({@link
 * io.tokenbench.simulations.keys.CheckName}).
 */
public final class KeysVerifier {
    private final VerifyContext ctx;

    public KeysVerifier(VerifyContext ctx) {
        this.ctx = ctx;
    }

    /** The checks in the order they run (the clock only moves forward). */
    List<Check> checks() {
        return List.of(
                new OvershootCheck(),
                new LeakCheck(),
                new FalseRejectionCheck(),
                new AccountingCheck(),
                new RefundCheck(),
                new CancelBillingCheck(),
                new ErrorContractCheck(),
                ctx.target().resetCheck(),
                new ExpiryCheck());
    }

    public List<CheckResult> run() {
        LimitMatrix.Result matrix = new LimitMatrix(ctx).run();
        Optional<KeyHandle> unlimitedKey = ctx.target().unlimitedKey();
        PropagationLag lag =
                unlimitedKey
                        .map(k -> PropagationLag.measure(ctx, k))
                        .orElseGet(
                                () ->
                                        PropagationLag.notMeasured(
                                                "needs a key with room: pass --unlimited-key-env"));
        FalseRejectionCheck.UnlimitedRun unlimitedRun =
                unlimitedKey
                        .map(k -> FalseRejectionCheck.runUnlimited(ctx, k))
                        .orElseGet(() -> new FalseRejectionCheck.UnlimitedRun(0, 0, 0, List.of()));
        Findings findings = new Findings(ctx, matrix, unlimitedKey, unlimitedRun, lag);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks()) {
            results.add(run(check, findings));
        }
        results.sort(Comparator.comparing(CheckResult::name));
        return results;
    }

    /** One check; a target that cannot serve it makes it not_checked with the reason. */
    static CheckResult run(Check check, Findings findings) {
        try {
            return check.run(findings);
        } catch (NotCheckable e) {
            return CheckResult.notChecked(check.name(), e.getMessage());
        }
    }
}
