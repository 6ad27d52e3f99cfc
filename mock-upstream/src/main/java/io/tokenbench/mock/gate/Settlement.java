package io.tokenbench.mock.gate;

import java.util.Objects;

/**
 * How an admitted request ended, for billing and the usage log.
 *
 * @param requestId the same id as at admission
 * @param admitted what admission granted
 * @param endpoint the route
 * @param model the model id
 * @param stream whether it streamed
 * @param status the HTTP status sent (200 for streams that started)
 * @param usage the final usage (for cancelled streams: what was emitted so far)
 * @param end why it ended
 */
public record Settlement(
        String requestId,
        Admission.Admitted admitted,
        String endpoint,
        String model,
        boolean stream,
        int status,
        Usage usage,
        End end) {

    public Settlement {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(admitted, "admitted");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(end, "end");
    }

    /** Why a request ended; billing depends on it (see key-limits.md, "Settlement"). */
    public enum End {
        /** Finished normally (including {@code finish_reason: "length"}). */
        COMPLETED,
        /** The client went away mid-response; billed per the {@code cancel_billing} switch. */
        CLIENT_CANCELLED,
        /** An upstream error before the first response byte; the reservation is refunded. */
        UPSTREAM_ERROR_BEFORE_FIRST_BYTE,
        /**
         * An upstream error after the response started (reset or in-band error); billed as emitted.
         */
        UPSTREAM_ERROR_MID_RESPONSE
    }

    /**
     * Usage units of one request. Chat and embeddings use tokens; images count images; audio and
     * video count seconds.
     */
    public record Usage(
            long promptTokens, long completionTokens, long images, double mediaSeconds) {
        public static final Usage NONE = new Usage(0, 0, 0, 0.0);

        public Usage {
            if (promptTokens < 0 || completionTokens < 0 || images < 0 || mediaSeconds < 0) {
                throw new IllegalArgumentException("usage must be non-negative");
            }
        }

        public static Usage tokens(long promptTokens, long completionTokens) {
            return new Usage(promptTokens, completionTokens, 0, 0.0);
        }
    }
}
