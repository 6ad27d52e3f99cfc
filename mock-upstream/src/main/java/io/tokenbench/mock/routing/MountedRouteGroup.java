package io.tokenbench.mock.routing;

import java.util.Objects;

/**
 * A {@link RouteGroup} whose path prefix and access are fixed when it is made: subclasses write
 * only {@link #handle}.
 */
public abstract class MountedRouteGroup implements RouteGroup {

    private final String pathPrefix;
    private final Access access;

    /**
     * @param pathPrefix without a trailing slash, for example {@code /admin/keys}
     */
    protected MountedRouteGroup(String pathPrefix, Access access) {
        if (!pathPrefix.startsWith("/") || pathPrefix.endsWith("/")) {
            throw new IllegalArgumentException(
                    "a path prefix starts with / and does not end with one: " + pathPrefix);
        }
        this.pathPrefix = pathPrefix;
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public final String pathPrefix() {
        return pathPrefix;
    }

    @Override
    public final Access access() {
        return access;
    }
}
