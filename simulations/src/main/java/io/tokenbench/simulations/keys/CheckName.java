package io.tokenbench.simulations.keys;

import java.util.Locale;

/**
 * The checks, in report order, with the key-limits.md "What the verifier measures" item each
 * answers.
 */
public enum CheckName {
    OVERSHOOT("1. overshoot per concurrency, streaming, max_tokens"),
    LEAKS("2. requests admitted after the ledger shows remaining <= 0; time to first rejection"),
    FALSE_REJECTIONS("3. rejections while the key had room; unlimited keys rejected"),
    RESET(
            "4. reset instants (daily, weekly Monday, monthly, month ends, leap day, year end), carry-over, double reset"),
    EXPIRY("5. expiry second for 7 d and 30 d keys"),
    ACCOUNTING("6. usage x price = ledger = logs = usage stats = usage endpoint"),
    REFUND("6. upstream error before the first byte refunds the reservation"),
    CANCEL_BILLING("6. a stream cancelled mid-way is billed as documented"),
    ERROR_CONTRACT(
            "7. status, error.type, error.code, message, request-id header, no SSE bytes, no key echo");

    private final String measures;

    CheckName(String measures) {
        this.measures = measures;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String measures() {
        return measures;
    }
}
