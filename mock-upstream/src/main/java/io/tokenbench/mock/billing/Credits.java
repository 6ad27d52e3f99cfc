package io.tokenbench.mock.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Conversions between Credits (decimal, at the API edge) and micro-Credits (long, in the ledger).
 */
public final class Credits {

    public static final long MICROS_PER_CREDIT = 1_000_000L;
    private static final int SCALE = 6;

    private Credits() {}

    /**
     * Exact conversion.
     *
     * @throws IllegalArgumentException when {@code credits} has more than 6 decimals or does not
     *     fit
     */
    public static long toMicro(BigDecimal credits) {
        try {
            return credits.setScale(SCALE, RoundingMode.UNNECESSARY)
                    .unscaledValue()
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "Credits need at most 6 decimals and must fit: " + credits, e);
        }
    }

    /** The Credits value of {@code microCredits}, without trailing zeros (0 stays 0). */
    public static BigDecimal fromMicro(long microCredits) {
        BigDecimal value = BigDecimal.valueOf(microCredits, SCALE).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Six decimals, as new-api formats quota amounts. */
    public static String format(long microCredits) {
        return BigDecimal.valueOf(microCredits, SCALE).toPlainString();
    }
}
