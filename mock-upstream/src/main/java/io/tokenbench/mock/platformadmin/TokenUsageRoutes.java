package io.tokenbench.mock.platformadmin;

import io.tokenbench.mock.routing.RouteRequest;
import java.util.Objects;

/**
 * {@code GET /api/usage/token/} (also without the trailing slash), public: {@link
 * TokenUsageEndpoint} authenticates with the key in {@code Authorization} itself.
 */
final class TokenUsageRoutes extends PlatformRoutes {

    private final TokenUsageEndpoint tokenUsage;

    TokenUsageRoutes(TokenUsageEndpoint tokenUsage) {
        super("/api/usage/token", Access.PUBLIC);
        this.tokenUsage = Objects.requireNonNull(tokenUsage, "tokenUsage");
    }

    @Override
    AdminResponse answer(RouteRequest request) {
        if (!below(request).isEmpty()) {
            return unknownPath(request);
        }
        return request.method().equals("GET")
                ? tokenUsage.get(request.header().apply("authorization"))
                : notAllowed(request);
    }
}
