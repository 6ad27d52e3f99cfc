package io.tokenbench.mock.platform;

import java.util.Locale;

/** How the pre-consume check and the reservation relate. */
public enum ConcurrencyMode {
    /**
     * new-api: read the key (possibly a cached snapshot), compare, then reserve in a separate step.
     * N parallel requests can all pass the check and overshoot the limit together.
     */
    CHECK_THEN_ACT,
    /**
     * A hard cap: check and reservation in one compare-and-set; zero overshoot from reservations.
     */
    ATOMIC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConcurrencyMode parse(String wire) {
        for (ConcurrencyMode m : values()) {
            if (m.wireName().equals(wire)) {
                return m;
            }
        }
        throw new IllegalArgumentException("must be one of check_then_act, atomic: " + wire);
    }
}
