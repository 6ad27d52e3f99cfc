package io.tokenbench.mock.routing;

import io.tokenbench.mock.openai.ApiError;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A response from a {@link RouteGroup}. The server adds {@code x-request-id}, {@code
 * content-length} (or chunked framing) and keep-alive handling. Without {@link #pacing()} it is
 * written at once; with it, when and in which parts the pacing says (modelled latency of the media
 * endpoints).
 *
 * @param status HTTP status
 * @param contentType for example {@code application/json}
 * @param headers extra headers
 * @param body the body bytes
 * @param pacing empty: write at once
 */
public record RouteResponse(
        int status,
        String contentType,
        Map<String, String> headers,
        byte[] body,
        Optional<Pacing> pacing) {

    public static final String JSON = "application/json";

    public RouteResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("bad status " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(pacing, "pacing");
        pacing.ifPresent(
                p -> {
                    if (p.streamed() && p.partEnd(p.parts() - 1) != body.length) {
                        throw new IllegalArgumentException("the parts must cover the body");
                    }
                });
    }

    /** A response written at once. */
    public RouteResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
        this(status, contentType, headers, body, Optional.empty());
    }

    /** This response written as {@code value} says. */
    public RouteResponse withPacing(Pacing value) {
        return new RouteResponse(status, contentType, headers, body, Optional.of(value));
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
