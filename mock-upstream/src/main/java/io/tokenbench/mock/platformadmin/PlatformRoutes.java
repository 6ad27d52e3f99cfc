package io.tokenbench.mock.platformadmin;

import io.tokenbench.mock.platform.PlatformState;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.util.List;

/**
 * One resource of the platform's admin and usage API as a route group of the mock's one router: the
 * server has matched the prefix and checked the access; a group answers its own path and below,
 * turns a {@link BadRequestException} into a 400 with an OpenAI-style body (nothing changed), a
 * path below it that it does not know into a 404, and a method it does not take into a 405.
 *
 * <p>Thread-safe and non-blocking, like every {@link RouteGroup}. Listing keys walks all keys and
 * {@code /admin/logs} scans the log but builds at most 10,000 rows per answer.
 */
public abstract class PlatformRoutes extends MountedRouteGroup {

    PlatformRoutes(String pathPrefix, Access access) {
        super(pathPrefix, access);
    }

    /**
     * Every group of the API: {@code /admin/keys}, {@code /admin/clock}, {@code /admin/logs},
     * {@code /admin/usage}, {@code /admin/enforcement} behind the admin token, and {@code
     * /api/usage/token} public (it authenticates with the key itself).
     */
    public static List<RouteGroup> all(PlatformState platform) {
        return List.of(
                new KeysRoutes(new KeysAdmin(platform)),
                new ClockRoutes(new ClockAdmin(platform)),
                new LogsRoutes(new UsageAdmin(platform)),
                new UsageRoutes(new UsageAdmin(platform)),
                new EnforcementRoutes(platform),
                new TokenUsageRoutes(new TokenUsageEndpoint(platform)));
    }

    @Override
    public final RouteResponse handle(RouteRequest request) {
        AdminResponse answer;
        try {
            answer = answer(request);
        } catch (BadRequestException e) {
            answer = AdminResponse.error(400, e.getMessage(), e.param());
        }
        return new RouteResponse(
                answer.status(), RouteResponse.JSON, answer.headers(), answer.jsonBody());
    }

    /** Answers a request for {@link #pathPrefix()} or a path below it. */
    abstract AdminResponse answer(RouteRequest request) throws BadRequestException;

    /** The path below the prefix without its leading slash; empty for the prefix itself. */
    final String below(RouteRequest request) {
        String rest = request.path().substring(pathPrefix().length());
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }

    static AdminResponse notAllowed(RouteRequest request) {
        return AdminResponse.error(
                405, request.method() + " is not allowed on " + request.path(), null);
    }

    static AdminResponse unknownPath(RouteRequest request) {
        return AdminResponse.error(404, "unknown admin path " + request.path(), null);
    }
}
