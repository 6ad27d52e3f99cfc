package io.tokenbench.mock.platformadmin;

import io.tokenbench.mock.routing.RouteRequest;
import java.util.Objects;

/** {@code GET|POST /admin/clock}, over {@link ClockAdmin}. */
final class ClockRoutes extends PlatformRoutes {

    private final ClockAdmin clock;

    ClockRoutes(ClockAdmin clock) {
        super("/admin/clock", Access.ADMIN_TOKEN);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    AdminResponse answer(RouteRequest request) throws BadRequestException {
        if (!below(request).isEmpty()) {
            return unknownPath(request);
        }
        return switch (request.method()) {
            case "GET" -> clock.get();
            case "POST" -> clock.post(request.body());
            default -> notAllowed(request);
        };
    }
}
