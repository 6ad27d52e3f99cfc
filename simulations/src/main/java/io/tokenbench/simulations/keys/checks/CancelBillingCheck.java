package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.util.List;
import java.util.Optional;

/**
 * A stream cancelled mid-way (list (c) item 8) is billed as expected ({@code tokens_emitted} by
 * default: the prompt plus at least the tokens the client received and fewer than max_tokens;
 * {@code zero}; {@code input_only}; {@code full} = max_tokens). On the mock the request's log row
 * gives the billed tokens; on a live gateway the usage endpoint's increase on the unlimited key (if
 * given) is compared with the cost of the tokens received.
 */
public final class CancelBillingCheck {
    /** Content events read before the stream is closed. */
    static final int CANCEL_AFTER_EVENTS = 5;

    /** On the mock: a gap between tokens so the cancel lands mid-stream. */
    static final String MOCK_ITL_MS = "5";

    private CancelBillingCheck() {}

    /**
     * @param key a key with room for the request (the mock creates one; live: the unlimited key or
     *     null)
     */
    public static CheckResult run(VerifyContext ctx, KeyHandle key) {
        if (key == null) {
            return CheckResult.notChecked(
                    CheckName.CANCEL_BILLING, "needs a key with room: pass --unlimited-key-env");
        }
        int maxTokens = ctx.settings().maxTokens();
        long before = ctx.ledger(key).usedInPeriodMicroCredits();
        var probe =
                ctx.probe()
                        .withStream(true)
                        .withMaxTokens(maxTokens)
                        .withCancelAfter(CANCEL_AFTER_EVENTS);
        if (ctx.mock()) {
            probe = probe.withHeader("x-mock-itl-ms", MOCK_ITL_MS);
        }
        CallResult r = ctx.gateway().call(probe, key.secret());
        ObjectNode e = Evidence.object();
        e.put("expected", ctx.settings().expectedCancelBilling());
        e.put("max_tokens", maxTokens);
        e.put("content_events_received", r.contentEvents());
        e.put("cancelled", r.cancelled());
        if (!r.cancelled()) {
            e.put(
                    "reason",
                    "the stream ended before "
                            + CANCEL_AFTER_EVENTS
                            + " content events (status "
                            + r.status()
                            + ")");
            return new CheckResult(
                    CheckName.CANCEL_BILLING, Verdict.NOT_CHECKED, e.get("reason").asText(), e);
        }
        // Live: settled once the usage endpoint shows at least what the output received costs
        // (for the rules that bill it), not when two reads merely agree.
        long floor =
                switch (ctx.settings().expectedCancelBilling()) {
                    case "tokens_emitted", "full" ->
                            ctx.price().costMicroCredits(0, r.contentEvents());
                    default -> 0;
                };
        LedgerSettle.await(
                ctx,
                List.of(key),
                java.util.Map.of(),
                java.util.Map.of(
                        key.label(), LedgerSettle.Expect.atLeast(before + Math.max(0, floor - 1))));
        long billedCredits;
        long billedCompletion;
        long prompt;
        if (ctx.mock()) {
            // The row appears when the server notices the disconnect (an unlimited key reserves
            // nothing, so the
            // ledger alone cannot tell that the settlement is still to come): wait for the row
            // itself.
            Optional<MockAdmin.LogRow> row = logRow(ctx, key, r.requestId());
            if (row.isEmpty()) {
                return new CheckResult(
                        CheckName.CANCEL_BILLING,
                        Verdict.FAIL,
                        "no log row for the cancelled request",
                        e);
            }
            e.put("cancel_reason", row.get().cancelReason());
            billedCredits = row.get().microCredits();
            billedCompletion = row.get().completionTokens();
            prompt = row.get().promptTokens();
            e.put("billed_completion_tokens", billedCompletion);
        } else {
            billedCredits = ctx.ledger(key).usedInPeriodMicroCredits() - before;
            billedCompletion = -1;
            prompt = -1;
        }
        e.put("billed_micro_credits", billedCredits);
        String problem = judge(ctx, r, billedCredits, billedCompletion, prompt, maxTokens, e);
        if (problem != null) {
            return new CheckResult(CheckName.CANCEL_BILLING, Verdict.FAIL, problem, e);
        }
        return new CheckResult(
                CheckName.CANCEL_BILLING,
                Verdict.PASS,
                "cancelled stream billed as "
                        + ctx.settings().expectedCancelBilling()
                        + " ("
                        + billedCredits
                        + " micro-Credits)",
                e);
    }

    private static Optional<MockAdmin.LogRow> logRow(
            VerifyContext ctx, KeyHandle key, String requestId) {
        long deadline = System.nanoTime() + ctx.settings().settleTimeout().toNanos();
        return Waiting.until(
                () ->
                        ctx.admin().logs(key.adminId()).stream()
                                .filter(l -> requestId != null && requestId.equals(l.requestId()))
                                .findFirst(),
                java.time.Duration.ofMillis(20),
                deadline);
    }

    private static String judge(
            VerifyContext ctx,
            CallResult r,
            long credits,
            long completion,
            long prompt,
            int maxTokens,
            ObjectNode e) {
        String expected = ctx.settings().expectedCancelBilling();
        long received = r.contentEvents();
        if (completion < 0) {
            // Live: no log row; the usage increase must at least pay for the output received.
            long floor = ctx.price().costMicroCredits(0, received);
            e.put("received_output_cost_micro_credits", floor);
            return switch (expected) {
                case "zero" -> credits == 0 ? null : "billed " + credits + ", expected nothing";
                case "tokens_emitted" ->
                        credits >= floor && credits > 0
                                ? null
                                : "billed "
                                        + credits
                                        + ", less than the output received costs ("
                                        + floor
                                        + ")";
                default -> null;
            };
        }
        long expectedCredits = ctx.price().costMicroCredits(prompt, completion);
        if (credits != expectedCredits) {
            return "the log row charges "
                    + credits
                    + " for "
                    + prompt
                    + " + "
                    + completion
                    + " tokens, usage x price is "
                    + expectedCredits;
        }
        return switch (expected) {
            case "zero" ->
                    credits == 0 ? null : "billed " + credits + " micro-Credits, expected nothing";
            case "input_only" ->
                    completion == 0 && prompt > 0
                            ? null
                            : "billed " + completion + " output tokens, expected none";
            case "full" ->
                    completion >= maxTokens
                            ? null
                            : "billed " + completion + " output tokens, expected max_tokens";
            default ->
                    completion >= received && completion < maxTokens
                            ? null
                            : completion < received
                                    ? "billed "
                                            + completion
                                            + " output tokens after delivering "
                                            + received
                                    : "billed "
                                            + completion
                                            + " output tokens for a stream cancelled after "
                                            + received
                                            + " (undelivered output)";
        };
    }
}
