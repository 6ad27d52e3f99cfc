package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Small helpers for evidence JSON: one place for ratios and nanosecond-to-millisecond conversion.
 */
final class Evidence {
    private Evidence() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

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
