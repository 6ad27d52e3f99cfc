package io.tokenbench.mock.requestlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.util.Optional;

/**
 * {@code GET /admin/requests?after=SEQ&limit=N}: the request log, oldest first, in pages ({@code
 * limit} 1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}); continue with {@code
 * after=<next_after>} while {@code has_more}. Admin token required.
 */
public final class RequestLogRoutes extends MountedRouteGroup {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestLog log;

    public RequestLogRoutes(RequestLog log) {
        super("/admin/requests", Access.ADMIN_TOKEN);
        this.log = log;
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        if (!request.path().equals(pathPrefix())) {
            return RouteResponse.error(ApiError.invalidUrl(request.method(), request.path()));
        }
        if (!request.method().equals("GET")) {
            return RouteResponse.methodNotAllowed(request, "GET");
        }
        long after;
        int limit;
        try {
            after = bounded(request.queryParam("after"), "after", 0, Long.MAX_VALUE);
            limit = (int) bounded(request.queryParam("limit"), "limit", DEFAULT_LIMIT, MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            return RouteResponse.error(ApiError.badRequest(e.getMessage(), null, "invalid_value"));
        }
        RequestLog.Page page = log.page(after, limit);
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (RequestLogEntry entry : page.entries()) {
            ObjectNode row = data.addObject();
            row.put("seq", entry.seq());
            row.put("request_id", entry.requestId());
            row.put("endpoint", entry.endpoint());
            row.put("model", entry.model());
            row.put("message_count", entry.messageCount());
            row.put("prompt_tokens", entry.promptTokens());
            row.put("stream", entry.stream());
            ArrayNode names = row.putArray("header_names");
            entry.headerNames().forEach(names::add);
        }
        root.put("has_more", page.hasMore());
        root.put("next_after", page.lastSeq());
        try {
            return RouteResponse.json(200, JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreachable: a tree always serializes", e);
        }
    }

    /** {@code absent} when not given; else an integer in [0 or 1, max], or an error naming it. */
    private static long bounded(Optional<String> text, String name, long absent, long max) {
        if (text.isEmpty()) {
            return absent;
        }
        long min = name.equals("limit") ? 1 : 0;
        try {
            long value = Long.parseLong(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                name + " must be an integer from " + min + " to " + max + ": " + text.get());
    }
}
