package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Evidence;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stream cancelled mid-way (list (c) item 8) is billed as expected ({@code tokens_emitted} by
 * default: the prompt plus at least the tokens the client received and fewer than max_tokens;
 * {@code zero}; {@code input_only}; {@code full} = max_tokens). What the target shows of the
 * billing ({@link CancelBilled}: the mock's log row, or live the usage endpoint's increase on the
 * key with room) judges itself.
 */
public final class CancelBillingCheck implements Check {
    /** Content events read before the stream is closed. */
    static final int CANCEL_AFTER_EVENTS = 5;

    /**
     * @param reason why the stream could not be cancelled mid-way, or null
     * @param billed what the target shows of the billing, null when it was not read or is missing
     */
    public record CancelEvidence(
            String expected,
            int maxTokens,
            int contentEventsReceived,
            boolean cancelled,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @JsonUnwrapped CancelBilled billed)
            implements Evidence {}

    @Override
    public CheckName name() {
        return CheckName.CANCEL_BILLING;
    }

    @Override
    public CheckResult run(Findings f) {
        VerifyContext ctx = f.ctx();
        Optional<KeyHandle> key = ctx.target().cancelKey(f.unlimitedKey());
        return key.isEmpty()
                ? CheckResult.notChecked(name(), "needs a key with room: pass --unlimited-key-env")
                : run(ctx, key.get());
    }

    private CheckResult run(VerifyContext ctx, KeyHandle key) {
        int maxTokens = ctx.settings().maxTokens();
        String expected = ctx.settings().expectedCancelBilling();
        long before = ctx.ledger(key).usedInPeriodMicroCredits();
        var probe =
                ctx.target()
                        .slowStream(
                                ctx.probe()
                                        .withStream(true)
                                        .withMaxTokens(maxTokens)
                                        .withCancelAfter(CANCEL_AFTER_EVENTS));
        CallResult r = ctx.gateway().call(probe, key.secret());
        if (!r.cancelled()) {
            String why =
                    "the stream ended before "
                            + CANCEL_AFTER_EVENTS
                            + " content events (status "
                            + r.status()
                            + ")";
            return new CheckResult(
                    name(),
                    Verdict.NOT_CHECKED,
                    why,
                    new CancelEvidence(expected, maxTokens, r.contentEvents(), false, why, null));
        }
        // Live: settled once the usage endpoint shows at least what the output received costs
        // (for the rules that bill it), not when two reads merely agree.
        long floor =
                switch (expected) {
                    case "tokens_emitted", "full" ->
                            ctx.price().costMicroCredits(0, r.contentEvents());
                    default -> 0;
                };
        LedgerSettle.await(
                ctx,
                List.of(key),
                Map.of(),
                Map.of(key.label(), LedgerSettle.Expect.atLeast(before + Math.max(0, floor - 1))));
        Optional<CancelBilled> billed = ctx.target().billedCancel(ctx, key, r, before);
        CancelEvidence e =
                new CancelEvidence(
                        expected, maxTokens, r.contentEvents(), true, null, billed.orElse(null));
        if (billed.isEmpty()) {
            return new CheckResult(name(), Verdict.FAIL, "no log row for the cancelled request", e);
        }
        String problem = billed.get().problem(ctx, r);
        return problem != null
                ? new CheckResult(name(), Verdict.FAIL, problem, e)
                : new CheckResult(
                        name(),
                        Verdict.PASS,
                        "cancelled stream billed as "
                                + expected
                                + " ("
                                + billed.get().billedMicroCredits()
                                + " micro-Credits)",
                        e);
    }
}
