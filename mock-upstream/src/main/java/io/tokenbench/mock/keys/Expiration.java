package io.tokenbench.mock.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The expiration presets of a key: none, or exactly 7 or 30 days (rolling) after creation. */
public enum Expiration {
    NONE("none", null),
    SEVEN_DAYS("7d", Duration.ofSeconds(604_800)),
    THIRTY_DAYS("30d", Duration.ofSeconds(2_592_000));

    private final String wireName;
    private final Duration lifetime;

    Expiration(String wireName, Duration lifetime) {
        this.wireName = wireName;
        this.lifetime = lifetime;
    }

    public String wireName() {
        return wireName;
    }

    /** {@code createdAt + lifetime}, or empty for {@link #NONE}. */
    public Optional<Instant> expiresAt(Instant createdAt) {
        return lifetime == null ? Optional.empty() : Optional.of(createdAt.plus(lifetime));
    }

    public static Expiration parse(String wire) {
        for (Expiration e : values()) {
            if (e.wireName.equals(wire)) {
                return e;
            }
        }
        throw new IllegalArgumentException("expiration must be one of none, 7d, 30d: " + wire);
    }
}
