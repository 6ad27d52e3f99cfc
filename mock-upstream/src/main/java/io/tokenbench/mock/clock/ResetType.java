package io.tokenbench.mock.clock;

import java.util.Locale;

/** How often a key's period usage returns to zero. Wire names are lower case. */
public enum ResetType {
    NONE,
    DAILY,
    WEEKLY,
    MONTHLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Strict parse of a wire name; the message lists the allowed values. */
    public static ResetType parse(String wire) {
        for (ResetType type : values()) {
            if (type.wireName().equals(wire)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "reset must be one of none, daily, weekly, monthly: " + wire);
    }
}
