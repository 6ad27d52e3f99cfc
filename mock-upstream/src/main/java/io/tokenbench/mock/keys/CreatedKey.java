package io.tokenbench.mock.keys;

import java.util.Objects;

/**
 * A freshly created key with its secret: the only object that ever holds the full secret. Returned
 * once to the admin caller; {@link #toString()} masks it.
 */
public record CreatedKey(ApiKey key, String secret) {

    public CreatedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "CreatedKey[key=" + key + ", secret=" + KeySecrets.mask(secret) + "]";
    }
}
