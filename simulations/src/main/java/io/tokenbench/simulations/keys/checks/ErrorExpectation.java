package io.tokenbench.simulations.keys.checks;

/**
 * What an error style answers for one kind of refusal (mock-upstream/KEYS.md "Error styles"); null
 * fields are not checked.
 *
 * @param code {@code error.code} as text ("" for new-api's empty code)
 * @param messagePrefix the start of {@code error.message}
 */
public record ErrorExpectation(int status, String type, String code, String messagePrefix) {

    /** The refusals the error-contract check provokes. */
    public enum Refusal {
        MISSING_KEY,
        UNKNOWN_KEY,
        EXHAUSTED,
        PRE_CONSUME
    }

    public static ErrorExpectation of(String style, Refusal refusal) {
        boolean badKey = refusal == Refusal.MISSING_KEY || refusal == Refusal.UNKNOWN_KEY;
        return switch (style) {
            case "newapi" ->
                    refusal == Refusal.PRE_CONSUME
                            ? new ErrorExpectation(
                                    403,
                                    "new_api_error",
                                    "pre_consume_token_quota_failed",
                                    "token quota is not enough")
                            : new ErrorExpectation(401, "new_api_error", "", "Invalid token");
            case "openai" ->
                    badKey
                            ? new ErrorExpectation(
                                    401,
                                    "invalid_request_error",
                                    refusal == Refusal.UNKNOWN_KEY ? "invalid_api_key" : null,
                                    null)
                            : new ErrorExpectation(
                                    429, "insufficient_quota", "insufficient_quota", null);
            case "openrouter" ->
                    badKey
                            ? new ErrorExpectation(401, null, "401", null)
                            : new ErrorExpectation(402, null, "402", null);
            case "litellm" ->
                    badKey
                            ? new ErrorExpectation(401, null, null, null)
                            : new ErrorExpectation(
                                    429, "budget_exceeded", "429", "Budget has been exceeded");
            default -> throw new IllegalArgumentException("unknown error style " + style);
        };
    }
}
