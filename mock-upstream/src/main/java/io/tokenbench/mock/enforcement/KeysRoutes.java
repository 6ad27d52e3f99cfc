package io.tokenbench.mock.enforcement;

import io.tokenbench.mock.admin.MountedRouteGroup;
import io.tokenbench.mock.admin.RouteGroup;
import io.tokenbench.mock.admin.RouteRequest;
import io.tokenbench.mock.admin.RouteResponse;
import java.util.List;
import java.util.Objects;

/**
 * The {@link AdminApi} as the server's {@link RouteGroup}s: one group per path prefix, the admin
 * ones behind the admin token, {@code /api/usage/token} public (it authenticates with the key
 * itself).
 */
public final class KeysRoutes extends MountedRouteGroup {

    private final AdminApi api;

    private KeysRoutes(AdminApi api, String pathPrefix, Access access) {
        super(pathPrefix, access);
        this.api = Objects.requireNonNull(api, "api");
    }

    /** All route groups of the keys and usage API. */
    public static List<RouteGroup> all(AdminApi api) {
        return List.of(
                new KeysRoutes(api, "/admin/keys", Access.ADMIN_TOKEN),
                new KeysRoutes(api, "/admin/clock", Access.ADMIN_TOKEN),
                new KeysRoutes(api, "/admin/logs", Access.ADMIN_TOKEN),
                new KeysRoutes(api, "/admin/usage", Access.ADMIN_TOKEN),
                new KeysRoutes(api, "/admin/enforcement", Access.ADMIN_TOKEN),
                new KeysRoutes(api, "/api/usage/token", Access.PUBLIC));
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        AdminResponse r =
                api.handle(
                        request.method(),
                        request.path(),
                        request.query(),
                        request.header(),
                        request.body());
        return new RouteResponse(r.status(), RouteResponse.JSON, r.headers(), r.jsonBody());
    }
}
