package io.tokenbench.mock.gate;

import java.util.Map;
import java.util.Objects;

/** The gate's answer: go on (with what was reserved) or a complete error response. */
public sealed interface Admission {

    /**
     * @param keyId the key's id (never the key itself)
     * @param keyName the key's display name
     * @param reservedMicroCredits what pre-consume reserved, refunded or trued up at settlement
     * @param outputTokenCap the most output tokens the stream may emit before it must end with
     *     {@code finish_reason: "length"} (the {@code cutoff} switch); {@link Integer#MAX_VALUE}
     *     when uncapped
     */
    record Admitted(String keyId, String keyName, long reservedMicroCredits, int outputTokenCap)
            implements Admission {
        public Admitted {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(keyName, "keyName");
            if (outputTokenCap < 0) {
                throw new IllegalArgumentException(
                        "outputTokenCap must be >= 0: " + outputTokenCap);
            }
        }

        public static Admitted unlimited(String keyId, String keyName) {
            return new Admitted(keyId, keyName, 0, Integer.MAX_VALUE);
        }
    }

    /**
     * A refusal, already rendered in the configured error style. Written as a plain JSON response,
     * never inside an SSE stream.
     *
     * @param status HTTP status
     * @param headers extra response headers (for example {@code retry-after}, {@code
     *     x-should-retry})
     * @param jsonBody the UTF-8 JSON error body
     * @param reason why, as a short snake_case word (the {@code RejectionReason} wire names, or
     *     {@value Rejected#UNSPECIFIED}); counted by {@code /metrics}, never shown to clients
     */
    record Rejected(int status, Map<String, String> headers, byte[] jsonBody, String reason)
            implements Admission {

        /** The reason of a rejection made without one. */
        public static final String UNSPECIFIED = "unspecified";

        public Rejected {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
            }
            headers = Map.copyOf(headers);
            Objects.requireNonNull(jsonBody, "jsonBody");
            Objects.requireNonNull(reason, "reason");
        }

        /** A rejection without a stated reason ({@value #UNSPECIFIED}). */
        public Rejected(int status, Map<String, String> headers, byte[] jsonBody) {
            this(status, headers, jsonBody, UNSPECIFIED);
        }

        /** This rejection with {@code value} as its reason (a short snake_case word). */
        public Rejected withReason(String value) {
            return new Rejected(status, headers, jsonBody, value);
        }
    }
}
