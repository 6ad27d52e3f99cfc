package io.tokenbench.mock.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A request handed to a {@link RouteGroup}, detached from Netty (the body is a copy).
 *
 * @param requestId the id sent back in {@code x-request-id}
 * @param requestNumber the server's count of this request (1, 2, ...), part of its random seed
 * @param method the HTTP method, upper case
 * @param path the decoded path without the query string
 * @param query decoded query parameters
 * @param header header lookup by name (case-insensitive), null when absent
 * @param bearerToken the token after {@code Bearer }, or null; never logged
 * @param body the request body (empty when none)
 */
public record RouteRequest(
        String requestId,
        long requestNumber,
        String method,
        String path,
        Map<String, List<String>> query,
        Function<String, String> header,
        String bearerToken,
        byte[] body) {

    public RouteRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }

    /** The first value of query parameter {@code name}. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Do not print the bearer token or the body. */
    @Override
    public String toString() {
        return "RouteRequest[" + method + " " + path + ", requestId=" + requestId + "]";
    }
}
