package io.tokenbench.mock.gate;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the gate needs to know about a request before admitting it.
 *
 * @param requestId the id sent back in {@code x-request-id}
 * @param bearerToken the token after {@code Bearer }, or {@code null} when the header is missing or
 *     malformed; never logged
 * @param endpoint the route, for example {@code /v1/chat/completions}
 * @param model the requested model id (already known to the catalog)
 * @param promptTokens prompt tokens derived from the request by the mock's documented rule
 * @param maxOutputTokens {@code max_tokens} / {@code max_completion_tokens} when given
 * @param stream whether the request asked for {@code stream: true}
 */
public record AdmissionRequest(
        String requestId,
        String bearerToken,
        String endpoint,
        String model,
        int promptTokens,
        OptionalInt maxOutputTokens,
        boolean stream) {

    public AdmissionRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
        if (promptTokens < 0) {
            throw new IllegalArgumentException("promptTokens must be >= 0: " + promptTokens);
        }
    }

    /** Do not print the bearer token. */
    @Override
    public String toString() {
        return "AdmissionRequest[requestId="
                + requestId
                + ", endpoint="
                + endpoint
                + ", model="
                + model
                + ", promptTokens="
                + promptTokens
                + ", maxOutputTokens="
                + maxOutputTokens
                + ", stream="
                + stream
                + "]";
    }
}
