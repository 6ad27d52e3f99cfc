package io.tokenbench.mock.keys;

import io.tokenbench.mock.clock.ResetType;
import java.util.Objects;

/**
 * What a caller asks for when creating a key.
 *
 * @param name display name, 1 to 50 characters
 * @param limitMicroCredits the Credit limit per period, {@code null} for unlimited
 * @param reset the reset type
 * @param expiration the expiration preset
 */
public record KeySpec(String name, Long limitMicroCredits, ResetType reset, Expiration expiration) {

    public static final int MAX_NAME_LENGTH = 50;

    public KeySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(expiration, "expiration");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (limitMicroCredits != null && limitMicroCredits < 0) {
            throw new IllegalArgumentException("limit_credits must be >= 0");
        }
    }
}
