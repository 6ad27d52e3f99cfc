package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.Secret;
import java.util.Objects;

/**
 * A key under test: a label for reports (never the key), the secret, the mock's key id (null
 * against a live gateway) and its limit per period in micro-Credits (null = unlimited).
 */
public record KeyHandle(String label, Secret secret, Long adminId, Long limitMicroCredits) {

    public KeyHandle {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(secret, "secret");
    }

    public boolean unlimited() {
        return limitMicroCredits == null;
    }
}
