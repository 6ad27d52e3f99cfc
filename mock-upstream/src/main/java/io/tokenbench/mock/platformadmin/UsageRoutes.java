package io.tokenbench.mock.platformadmin;

import io.tokenbench.mock.routing.RouteRequest;
import java.util.Objects;

/** {@code GET /admin/usage}, over {@link UsageAdmin#usage}. */
final class UsageRoutes extends PlatformRoutes {

    private final UsageAdmin usage;

    UsageRoutes(UsageAdmin usage) {
        super("/admin/usage", Access.ADMIN_TOKEN);
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    @Override
    AdminResponse answer(RouteRequest request) {
        if (!below(request).isEmpty()) {
            return unknownPath(request);
        }
        return request.method().equals("GET") ? usage.usage() : notAllowed(request);
    }
}
