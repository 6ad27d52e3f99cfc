package io.tokenbench.mock.platformadmin;

import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.PlatformState;
import io.tokenbench.mock.routing.RouteRequest;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET|PUT /admin/enforcement}: the profile as JSON, and a partial update that replaces the
 * profile as a whole ({@link PlatformState#replaceProfile}) or, on any bad setting, changes
 * nothing.
 */
final class EnforcementRoutes extends PlatformRoutes {

    private final PlatformState platform;

    EnforcementRoutes(PlatformState platform) {
        super("/admin/enforcement", Access.ADMIN_TOKEN);
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    AdminResponse answer(RouteRequest request) throws BadRequestException {
        if (!below(request).isEmpty()) {
            return unknownPath(request);
        }
        return switch (request.method()) {
            case "GET" -> AdminResponse.json(200, EnforcementOptions.toJson(platform.profile()));
            case "PUT" -> put(request.body());
            default -> notAllowed(request);
        };
    }

    private AdminResponse put(byte[] body) throws BadRequestException {
        RequestBody b = RequestBody.parse(body, Set.copyOf(EnforcementOptions.settingNames()));
        EnforcementProfile next;
        try {
            next = EnforcementOptions.fromJson(platform.profile(), b.node());
        } catch (ProfileOptionException e) {
            throw new BadRequestException(e.option(), e.getMessage());
        }
        platform.replaceProfile(next);
        return AdminResponse.json(200, EnforcementOptions.toJson(next));
    }
}
