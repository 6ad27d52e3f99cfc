package io.tokenbench.simulations.keys.http;

import java.util.Objects;

/**
 * An API key or admin token. {@link #toString()} is redacted, so a key cannot reach a log, report,
 * exception message or argument list by accident; only {@link #bearer()} reveals it, for the
 * Authorization header, and {@link #occursIn(String)} checks that a body does not echo it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a key; blank or header-unsafe values are refused (the message never shows the value).
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.strip();
        if (v.isEmpty() || v.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("a key must be printable ASCII without spaces");
        }
        return new Secret(v);
    }

    public String bearer() {
        return "Bearer " + value;
    }

    /**
     * True when {@code text} contains the key, its last 8 characters, or its PowerTokens mask
     * (first 4 + {@code **********} + last 4): an error body must not identify the key at all.
     */
    public boolean occursIn(String text) {
        if (text == null) {
            return false;
        }
        String tail = value.length() > 8 ? value.substring(value.length() - 8) : value;
        String mask =
                value.length() > 8
                        ? value.substring(0, 4) + "**********" + value.substring(value.length() - 4)
                        : value;
        return text.contains(value) || text.contains(tail) || text.contains(mask);
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
