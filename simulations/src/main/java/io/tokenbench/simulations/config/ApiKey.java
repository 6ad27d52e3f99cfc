package io.tokenbench.simulations.config;

import java.util.Map;

/**
 * An API key read from an environment variable. Its {@link #toString()} is redacted, so it cannot
 * leak into logs, exceptions or run.json by accident; only {@link #bearerHeader()} reveals it, for
 * the Authorization header.
 */
public final class ApiKey {
    /**
     * The mock's built-in key (public, documented in mock-upstream/README.md), used only for the
     * embedded mock.
     */
    public static final String MOCK_DEFAULT = "sk-tokenbench-local";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * The key in {@code env.get(variable)}; a missing or blank value throws an {@link
     * IllegalArgumentException} naming the variable and {@code --api-key-env} (never the value).
     */
    public static ApiKey fromEnvironment(String variable, Map<String, String> env) {
        String v = env.get(variable);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(
                    "--api-key-env: environment variable "
                            + variable
                            + " is not set (export it, or pass --api-key-env NAME)");
        }
        if (v.strip().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException(
                    "--api-key-env: environment variable "
                            + variable
                            + " holds characters not allowed in a header");
        }
        return new ApiKey(v.strip());
    }

    /**
     * For the embedded mock: the environment's key when set, else the mock's public default key.
     */
    public static ApiKey forEmbeddedMock(String variable, Map<String, String> env) {
        String v = env.get(variable);
        return v == null || v.isBlank() ? new ApiKey(MOCK_DEFAULT) : fromEnvironment(variable, env);
    }

    /** The key itself, only for what must redact it (error samples). Never print it. */
    public String secretForRedaction() {
        return value;
    }

    public String bearerHeader() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
