/**
 * The control plane: pluggable route groups and the built-in admin routes.
 *
 * <p><b>Adding routes.</b> Implement {@link io.tokenbench.mock.admin.RouteGroup} (a path prefix, an
 * access level, and a non-blocking {@code handle(RouteRequest) -> RouteResponse}) and register it
 * with {@code MockConfig.defaults().withRouteGroups(List.of(...))}. The server routes every request
 * whose path is the prefix or below it to the group, checks {@code Authorization: Bearer <admin
 * token>} first for {@link io.tokenbench.mock.admin.RouteGroup.Access#ADMIN_TOKEN} groups (401
 * otherwise), adds {@code x-request-id} and {@code content-length}, and turns an exception into a
 * 500. A response may carry a {@link io.tokenbench.mock.admin.Pacing} (the media endpoints'
 * modelled latency): the server then writes it after a delay, or chunked in parts at paced times,
 * and tells the pacing's listener once how it ended. Registered groups are consulted before the
 * built-in ones, so a prefix may not repeat a built-in one.
 *
 * <p>Built in: {@code /admin/config} ({@link io.tokenbench.mock.admin.ConfigRoutes}: GET, PUT) and
 * {@code /admin/stats} ({@link io.tokenbench.mock.admin.StatsRoutes}: GET, DELETE), over {@link
 * io.tokenbench.mock.admin.RuntimeSettings} and {@link io.tokenbench.mock.admin.ServerStats}.
 * Nothing here knows Netty.
 */
package io.tokenbench.mock.admin;
