package io.tokenbench.mock.enforcement;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The admin and usage API without Netty: the HTTP layer passes method, path, decoded query, headers
 * and body, and writes the returned {@link AdminResponse}. Admin authentication (the admin Bearer
 * token) is the HTTP layer's job; {@code /api/usage/token/} authenticates with the key itself.
 *
 * <p>Routes: {@code POST|GET /admin/keys}, {@code GET|PATCH|DELETE /admin/keys/{id}}, {@code
 * GET|POST /admin/clock}, {@code GET /admin/logs?key_id=&since=&limit=&after=}, {@code GET
 * /admin/usage}, {@code GET|PUT /admin/enforcement}, {@code GET /api/usage/token/}. Bad input is a
 * 400 with an OpenAI-style error body and changes nothing; unknown paths 404; wrong methods 405.
 *
 * <p>Thread-safe. Calls are cheap but not constant-time: listing keys walks all keys, and {@code
 * /admin/logs} scans the log (a filter, no allocation) but builds at most {@code limit} rows
 * (10,000) per answer, so the event loop that serves it is not stalled by a full 200,000-row log.
 */
public final class AdminApi {

    public static final String TOKEN_USAGE_PATH = "/api/usage/token/";

    private final PlatformState platform;
    private final KeysAdmin keys;
    private final ClockAdmin clock;
    private final UsageAdmin usage;
    private final TokenUsageEndpoint tokenUsage;

    public AdminApi(PlatformState platform) {
        this.platform = platform;
        this.keys = new KeysAdmin(platform);
        this.clock = new ClockAdmin(platform);
        this.usage = new UsageAdmin(platform);
        this.tokenUsage = new TokenUsageEndpoint(platform);
    }

    /** True for the paths this class answers (so the HTTP layer can route). */
    public static boolean handles(String path) {
        return path.startsWith("/admin/")
                || path.equals(TOKEN_USAGE_PATH)
                || path.equals("/api/usage/token");
    }

    public AdminResponse handle(
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, String> headers,
            byte[] body) {
        return handle(method, path, query, name -> header(headers, name), body);
    }

    /**
     * @param header header lookup by name, case-insensitive, null when absent
     */
    public AdminResponse handle(
            String method,
            String path,
            Map<String, List<String>> query,
            Function<String, String> header,
            byte[] body) {
        try {
            return route(method.toUpperCase(Locale.ROOT), path, query, header, body);
        } catch (BadRequestException e) {
            return AdminResponse.error(400, e.getMessage(), e.param());
        }
    }

    private AdminResponse route(
            String method,
            String path,
            Map<String, List<String>> query,
            Function<String, String> header,
            byte[] body)
            throws BadRequestException {
        if (path.equals(TOKEN_USAGE_PATH) || path.equals("/api/usage/token")) {
            return method.equals("GET")
                    ? tokenUsage.get(header.apply("authorization"))
                    : notAllowed(method, path);
        }
        switch (path) {
            case "/admin/keys":
                return switch (method) {
                    case "GET" -> keys.list();
                    case "POST" -> keys.create(body);
                    default -> notAllowed(method, path);
                };
            case "/admin/clock":
                return switch (method) {
                    case "GET" -> clock.get();
                    case "POST" -> clock.post(body);
                    default -> notAllowed(method, path);
                };
            case "/admin/logs":
                return method.equals("GET") ? usage.logs(query) : notAllowed(method, path);
            case "/admin/usage":
                return method.equals("GET") ? usage.usage() : notAllowed(method, path);
            case "/admin/enforcement":
                return switch (method) {
                    case "GET" ->
                            AdminResponse.json(200, EnforcementOptions.toJson(platform.profile()));
                    case "PUT" -> putEnforcement(body);
                    default -> notAllowed(method, path);
                };
            default:
                break;
        }
        if (path.startsWith("/admin/keys/")) {
            String idText = path.substring("/admin/keys/".length());
            long id;
            try {
                id = Long.parseLong(idText);
            } catch (NumberFormatException e) {
                return AdminResponse.error(404, "no key with id " + idText, "id");
            }
            return switch (method) {
                case "GET" -> keys.get(id);
                case "PATCH" -> keys.patch(id, body);
                case "DELETE" -> keys.delete(id);
                default -> notAllowed(method, path);
            };
        }
        return AdminResponse.error(404, "unknown admin path " + path, null);
    }

    private AdminResponse putEnforcement(byte[] body) throws BadRequestException {
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

    private static AdminResponse notAllowed(String method, String path) {
        return AdminResponse.error(405, method + " is not allowed on " + path, null);
    }

    /** Case-insensitive header lookup. */
    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
