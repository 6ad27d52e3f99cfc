package io.tokenbench.mock.billing;

import io.tokenbench.mock.gate.Settlement.Usage;
import java.util.Locale;
import java.util.OptionalInt;

/** What a client disconnect is billed (the {@code cancel_billing} switch). */
public enum CancelBilling {
    /** Prompt plus the tokens already emitted (new-api's default). */
    TOKENS_EMITTED,
    /** Nothing. */
    ZERO,
    /** The prompt only (LiteLLM's reservation reconcile). */
    INPUT_ONLY,
    /**
     * As if the upstream ran to completion: the prompt plus {@code max_tokens} when given, or the
     * emitted tokens when that is larger or no {@code max_tokens} was sent (the mock does not know
     * the rest).
     */
    FULL;

    public Usage billable(Usage emitted, OptionalInt maxOutputTokens) {
        return switch (this) {
            case TOKENS_EMITTED -> emitted;
            case ZERO -> Usage.NONE;
            case INPUT_ONLY -> Usage.tokens(emitted.promptTokens(), 0);
            case FULL ->
                    new Usage(
                            emitted.promptTokens(),
                            Math.max(emitted.completionTokens(), maxOutputTokens.orElse(0)),
                            emitted.images(),
                            emitted.mediaSeconds());
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CancelBilling parse(String wire) {
        for (CancelBilling c : values()) {
            if (c.wireName().equals(wire)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "must be one of tokens_emitted, zero, input_only, full: " + wire);
    }
}
