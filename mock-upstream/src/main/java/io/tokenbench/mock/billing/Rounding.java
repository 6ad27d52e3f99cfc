package io.tokenbench.mock.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How an exact cost is rounded to one micro-Credit, once per request: half away from zero
 * (new-api), ceiling (one-api) or none, which drops the fraction (new-api's per-call audio
 * truncation).
 */
public enum Rounding {
    HALF_AWAY_FROM_ZERO(RoundingMode.HALF_UP),
    CEIL(RoundingMode.CEILING),
    NONE(RoundingMode.DOWN);

    private final RoundingMode mode;

    Rounding(RoundingMode mode) {
        this.mode = mode;
    }

    public long toMicro(BigDecimal exactMicroCredits) {
        return exactMicroCredits.setScale(0, mode).longValueExact();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rounding parse(String wire) {
        for (Rounding r : values()) {
            if (r.wireName().equals(wire)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "must be one of half_away_from_zero, ceil, none: " + wire);
    }
}
