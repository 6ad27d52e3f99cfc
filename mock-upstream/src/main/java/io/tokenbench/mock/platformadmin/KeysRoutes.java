package io.tokenbench.mock.platformadmin;

import io.tokenbench.mock.routing.RouteRequest;
import java.util.Objects;

/**
 * {@code POST|GET /admin/keys} and {@code GET|PATCH|DELETE /admin/keys/{id}}, over {@link
 * KeysAdmin}.
 */
final class KeysRoutes extends PlatformRoutes {

    private final KeysAdmin keys;

    KeysRoutes(KeysAdmin keys) {
        super("/admin/keys", Access.ADMIN_TOKEN);
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    AdminResponse answer(RouteRequest request) throws BadRequestException {
        String idText = below(request);
        if (idText.isEmpty()) {
            return switch (request.method()) {
                case "GET" -> keys.list();
                case "POST" -> keys.create(request.body());
                default -> notAllowed(request);
            };
        }
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            return AdminResponse.error(404, "no key with id " + idText, "id");
        }
        return switch (request.method()) {
            case "GET" -> keys.get(id);
            case "PATCH" -> keys.patch(id, request.body());
            case "DELETE" -> keys.delete(id);
            default -> notAllowed(request);
        };
    }
}
