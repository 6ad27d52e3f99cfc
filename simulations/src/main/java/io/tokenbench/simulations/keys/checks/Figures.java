package io.tokenbench.simulations.keys.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Small helpers for evidence figures: one place for ratios and nanosecond-to-millisecond
 * conversion.
 */
final class Figures {
    private Figures() {}

    /** {@code part / whole} with 4 decimals, or null when whole is 0. */
    static BigDecimal share(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part)
                        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** Nanoseconds as milliseconds with 3 decimals; null stays null. */
    static BigDecimal millis(Long nanos) {
        return nanos == null
                ? null
                : BigDecimal.valueOf(nanos)
                        .divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP);
    }
}
