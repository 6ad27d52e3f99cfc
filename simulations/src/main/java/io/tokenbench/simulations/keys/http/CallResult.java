package io.tokenbench.simulations.keys.http;

/**
 * What one chat call showed the client.
 *
 * @param status HTTP status, or 0 when no response arrived ({@code ioError} says why)
 * @param requestId {@code X-Oneapi-Request-Id}, else {@code x-request-id}, else null
 * @param oneapiHeader true when {@code X-Oneapi-Request-Id} was present
 * @param contentType the response's Content-Type, or null
 * @param promptTokens from the server's usage, -1 when unknown
 * @param completionTokens from the server's usage, -1 when unknown (cancelled streams have none)
 * @param contentEvents content-bearing SSE events received (streams) or 1 (complete JSON answers)
 * @param cancelled the client closed the stream on purpose
 * @param errorBody the body of a non-2xx answer (at most 8 KiB), else null
 * @param sentNanos {@link System#nanoTime()} just before sending
 * @param doneNanos {@link System#nanoTime()} when the body was read or the stream closed
 * @param ioError the transport failure, or null
 */
public record CallResult(
        int status,
        String requestId,
        boolean oneapiHeader,
        String contentType,
        long promptTokens,
        long completionTokens,
        int contentEvents,
        boolean cancelled,
        String errorBody,
        long sentNanos,
        long doneNanos,
        String ioError) {

    /** Admitted by the gateway: a 2xx answer. */
    public boolean admitted() {
        return status >= 200 && status < 300;
    }

    /** Refused by the gateway: a 4xx answer (limits, auth, pre-consume). */
    public boolean rejected() {
        return status >= 400 && status < 500;
    }

    public boolean hasUsage() {
        return promptTokens >= 0 && completionTokens >= 0;
    }
}
