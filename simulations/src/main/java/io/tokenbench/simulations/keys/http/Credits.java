package io.tokenbench.simulations.keys.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Credits on the wire (JSON numbers, at most 6 decimals on PowerTokens) as integer micro-Credits.
 */
public final class Credits {
    private Credits() {}

    /** Micro-Credits of a JSON number; null for JSON null or a missing field. */
    public static Long micro(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.decimalValue()
                .movePointRight(6)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Credits (decimal) to micro-Credits, rounded half up. */
    public static long micro(BigDecimal credits) {
        return credits.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Micro-Credits as a Credits decimal for JSON output (exact). */
    public static BigDecimal credits(long microCredits) {
        return BigDecimal.valueOf(microCredits, 6).stripTrailingZeros();
    }
}
