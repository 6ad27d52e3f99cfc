package io.tokenbench.mock.billing;

import java.util.Locale;

/** Which period a request admitted before a reset boundary and settled after it is charged to. */
public enum PeriodAttribution {
    /** The period of settlement: the full cost counts in the new period (default). */
    SETTLEMENT,
    /** The period of admission: the new period is untouched, only the lifetime total moves. */
    ADMISSION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PeriodAttribution parse(String wire) {
        for (PeriodAttribution p : values()) {
            if (p.wireName().equals(wire)) {
                return p;
            }
        }
        throw new IllegalArgumentException("must be one of settlement, admission: " + wire);
    }
}
