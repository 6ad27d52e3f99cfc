package io.tokenbench.mock.routing;

/**
 * A group of HTTP routes under one path prefix, registered with the server through {@code
 * MockConfig.withRouteGroups(...)}. The server hands a group every request whose path equals {@link
 * #pathPrefix()} or starts with it followed by {@code /}, after checking the admin token when
 * {@link #access()} is {@link Access#ADMIN_TOKEN}.
 *
 * <p>Thread-safety: {@link #handle} is called concurrently from Netty event loops; it must be
 * thread-safe and must not block (no I/O, no sleeping, no lock held across slow work).
 */
public interface RouteGroup {

    /** Who may call the group's routes. */
    enum Access {
        /** Requires {@code Authorization: Bearer <admin token>}; anything else gets 401. */
        ADMIN_TOKEN,
        /** No check by the server; the group authenticates itself if it needs to. */
        PUBLIC
    }

    /** The path the group owns, without a trailing slash, for example {@code /admin/keys}. */
    String pathPrefix();

    Access access();

    /** Answers one request; never null. Exceptions become a 500 with an OpenAI-style body. */
    RouteResponse handle(RouteRequest request);
}
