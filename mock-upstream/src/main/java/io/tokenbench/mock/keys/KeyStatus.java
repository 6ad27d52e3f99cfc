package io.tokenbench.mock.keys;

import java.util.Locale;

/** A key's status as the platform shows it; derived from the key's state and the clock. */
public enum KeyStatus {
    ENABLED,
    DISABLED,
    EXPIRED,
    EXHAUSTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
