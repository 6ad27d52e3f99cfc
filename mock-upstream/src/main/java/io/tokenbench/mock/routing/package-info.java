/**
 * The mock's routing framework: pluggable route groups the server's one router mounts, and the
 * request, response and pacing they exchange with it. Nothing here knows Netty.
 *
 * <p><b>Adding routes.</b> Implement {@link io.tokenbench.mock.routing.RouteGroup} (a path prefix,
 * an access level, and a non-blocking {@code handle(RouteRequest) -> RouteResponse}; {@link
 * io.tokenbench.mock.routing.MountedRouteGroup} fixes prefix and access once) and register it with
 * {@code MockConfig.defaults().withRouteGroups(List.of(...))}. The server routes every request
 * whose path is the prefix or below it to the group, checks {@code Authorization: Bearer <admin
 * token>} first for {@link io.tokenbench.mock.routing.RouteGroup.Access#ADMIN_TOKEN} groups (401
 * otherwise), adds {@code x-request-id} and {@code content-length}, and turns an exception into a
 * 500. A response may carry a {@link io.tokenbench.mock.routing.Pacing} (the media endpoints'
 * modelled latency): the server then writes it after a delay, or chunked in parts at paced times,
 * and tells the pacing's listener once how it ended. Registered groups are consulted before the
 * built-in ones, so a prefix may not repeat a built-in one.
 */
package io.tokenbench.mock.routing;
