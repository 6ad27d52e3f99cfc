package io.tokenbench.mock.requestlog;

import java.util.List;
import java.util.Objects;

/**
 * One text-generation request as the mock received it. Header values are never kept (they may be
 * secrets); names are lower case, in arrival order.
 *
 * @param seq the entry's number in the log (1, 2, ...), the paging cursor
 * @param requestId the id sent back in {@code x-request-id}
 * @param endpoint the route, e.g. {@code /v1/responses}
 * @param model the requested model id
 * @param messageCount chat {@code messages}, Responses {@code input} items (a string is one),
 *     completions prompts
 * @param promptTokens prompt tokens by the mock's rule
 * @param stream whether the request asked to stream
 * @param headerNames the request's header names
 */
public record RequestLogEntry(
        long seq,
        String requestId,
        String endpoint,
        String model,
        int messageCount,
        int promptTokens,
        boolean stream,
        List<String> headerNames) {

    public RequestLogEntry {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        headerNames = List.copyOf(headerNames);
    }
}
