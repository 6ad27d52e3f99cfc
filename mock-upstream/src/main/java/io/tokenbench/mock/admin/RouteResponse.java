package io.tokenbench.mock.admin;

import io.tokenbench.mock.openai.ApiError;
import java.util.Map;
import java.util.Objects;

/**
 * A complete response from a {@link RouteGroup}. The server adds {@code x-request-id},
 * {@code content-length} and keep-alive handling.
 *
 * @param status      HTTP status
 * @param contentType for example {@code application/json}
 * @param headers     extra headers
 * @param body        the body bytes
 */
public record RouteResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json";

    public RouteResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("bad status " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public static RouteResponse json(int status, byte[] body) {
        return new RouteResponse(status, JSON, Map.of(), body);
    }

    /** An OpenAI-style error response. */
    public static RouteResponse error(ApiError error) {
        return new RouteResponse(error.status(), JSON, error.headers(), error.jsonBytes());
    }

    /** 405 naming the allowed methods. */
    public static RouteResponse methodNotAllowed(RouteRequest request, String allow) {
        return error(ApiError.methodNotAllowed(request.method(), request.path(), allow));
    }
}
