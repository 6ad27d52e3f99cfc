package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tokenbench.simulations.keys.http.CallResult;

/**
 * What a cancelled stream was billed, as far as the target shows it; each variant judges itself
 * against {@code --cancel-billing} (its fields are part of the cancel_billing evidence).
 */
public sealed interface CancelBilled {

    long billedMicroCredits();

    /**
     * @param received the cancelled call
     * @return the problem, or null when billed as expected
     */
    String problem(VerifyContext ctx, CallResult received);

    /** The mock's log row of the request: tokens and Credits. */
    record Logged(
            String cancelReason,
            long billedCompletionTokens,
            long billedMicroCredits,
            @JsonIgnore long promptTokens)
            implements CancelBilled {

        @Override
        public String problem(VerifyContext ctx, CallResult r) {
            String expected = ctx.settings().expectedCancelBilling();
            int maxTokens = ctx.settings().maxTokens();
            long received = r.contentEvents();
            long credits = billedMicroCredits;
            long completion = billedCompletionTokens;
            long expectedCredits = ctx.price().costMicroCredits(promptTokens, completion);
            if (credits != expectedCredits) {
                return "the log row charges "
                        + credits
                        + " for "
                        + promptTokens
                        + " + "
                        + completion
                        + " tokens, usage x price is "
                        + expectedCredits;
            }
            return switch (expected) {
                case "zero" ->
                        credits == 0
                                ? null
                                : "billed " + credits + " micro-Credits, expected nothing";
                case "input_only" ->
                        completion == 0 && promptTokens > 0
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

    /**
     * Live: no log row; the usage endpoint's increase must at least pay for the output received.
     */
    record LedgerIncrease(long billedMicroCredits, long receivedOutputCostMicroCredits)
            implements CancelBilled {

        @Override
        public String problem(VerifyContext ctx, CallResult r) {
            long credits = billedMicroCredits;
            long floor = receivedOutputCostMicroCredits;
            return switch (ctx.settings().expectedCancelBilling()) {
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
    }
}
