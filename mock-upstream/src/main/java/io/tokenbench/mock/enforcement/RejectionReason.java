package io.tokenbench.mock.enforcement;

import java.util.Locale;

/** Why admission refused a request, in the order the checks run. */
public enum RejectionReason {
    MISSING_TOKEN,
    UNKNOWN_KEY,
    DISABLED,
    EXPIRED,
    EXHAUSTED,
    MODEL_FORBIDDEN,
    PRE_CONSUME_FAILED;

    /** The name used in log rows ({@code cancel_reason}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
