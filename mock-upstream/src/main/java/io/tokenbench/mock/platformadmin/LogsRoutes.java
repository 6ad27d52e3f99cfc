package io.tokenbench.mock.platformadmin;

import io.tokenbench.mock.routing.RouteRequest;
import java.util.Objects;

/** {@code GET /admin/logs?key_id=&since=&limit=&after=}, over {@link UsageAdmin#logs}. */
final class LogsRoutes extends PlatformRoutes {

    private final UsageAdmin usage;

    LogsRoutes(UsageAdmin usage) {
        super("/admin/logs", Access.ADMIN_TOKEN);
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    @Override
    AdminResponse answer(RouteRequest request) throws BadRequestException {
        if (!below(request).isEmpty()) {
            return unknownPath(request);
        }
        return request.method().equals("GET") ? usage.logs(request.query()) : notAllowed(request);
    }
}
