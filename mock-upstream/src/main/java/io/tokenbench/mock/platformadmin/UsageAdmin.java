package io.tokenbench.mock.platformadmin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.billing.Credits;
import io.tokenbench.mock.billing.UsageLog;
import io.tokenbench.mock.billing.UsageRow;
import io.tokenbench.mock.billing.UsageStats;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.platform.PlatformState;
import io.tokenbench.mock.platform.UsageJson;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/logs} (one row per request, oldest first, in pages of {@code limit} rows continued
 * with {@code after}, so one call builds at most {@value #MAX_LOG_LIMIT} rows on the event loop)
 * and {@code /admin/usage} (per key and per model totals).
 */
final class UsageAdmin {

    /**
     * Rows per {@code /admin/logs} answer when {@code limit} is not given, and the most one may ask
     * for.
     */
    static final int DEFAULT_LOG_LIMIT = 1000;

    static final int MAX_LOG_LIMIT = 10_000;
    private final PlatformState platform;

    UsageAdmin(PlatformState platform) {
        this.platform = platform;
    }

    AdminResponse logs(Map<String, List<String>> query) throws BadRequestException {
        Long keyId = null;
        String keyText = single(query, "key_id");
        if (keyText != null && !keyText.isEmpty()) {
            try {
                keyId = Long.parseLong(keyText);
            } catch (NumberFormatException e) {
                throw new BadRequestException("key_id", "key_id must be an integer: " + keyText);
            }
        }
        Instant since = null;
        String sinceText = single(query, "since");
        if (sinceText != null && !sinceText.isEmpty()) {
            try {
                since = Instant.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw new BadRequestException(
                        "since", "since must be an ISO-8601 instant: " + sinceText);
            }
        }
        int limit = (int) bounded(query, "limit", DEFAULT_LOG_LIMIT, 1, MAX_LOG_LIMIT);
        long after = bounded(query, "after", 0, 0, Long.MAX_VALUE);
        UsageLog.Page page = platform.log().page(keyId, since, after, limit);
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        for (UsageRow row : page.rows()) {
            data.add(UsageJson.row(row));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("object", "list");
        body.set("data", data);
        body.put("has_more", page.hasMore());
        body.put("next_after", page.lastSeq());
        return AdminResponse.json(200, body);
    }

    /** An optional integer query parameter in {@code min..max}; {@code absent} when not given. */
    private static long bounded(
            Map<String, List<String>> query, String name, long absent, long min, long max)
            throws BadRequestException {
        String text = single(query, name);
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException(
                name,
                name
                        + " must be an integer from "
                        + min
                        + " to "
                        + (max == Long.MAX_VALUE ? "2^63-1" : Long.toString(max))
                        + ": "
                        + text);
    }

    AdminResponse usage() {
        ArrayNode keys = JsonNodeFactory.instance.arrayNode();
        platform.stats()
                .perKey()
                .forEach(
                        (keyId, s) -> {
                            ObjectNode o = totals(s);
                            o.put("key_id", keyId);
                            o.put(
                                    "key_name",
                                    platform.keys().findById(keyId).map(ApiKey::name).orElse(null));
                            keys.add(o);
                        });
        ArrayNode models = JsonNodeFactory.instance.arrayNode();
        platform.stats()
                .perModel()
                .forEach((model, s) -> models.add(totals(s).put("model", model)));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("keys", keys);
        body.set("models", models);
        return AdminResponse.json(200, body);
    }

    private static ObjectNode totals(UsageStats.Snapshot s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("credits", Credits.fromMicro(s.creditsMicro()));
        o.put("requests", s.requests());
        o.put("succeeded", s.succeeded());
        o.put("success_rate", s.successRate());
        o.put("prompt_tokens", s.promptTokens());
        o.put("completion_tokens", s.completionTokens());
        return o;
    }

    private static String single(Map<String, List<String>> query, String name)
            throws BadRequestException {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadRequestException(name, name + " given more than once");
        }
        return values.get(0);
    }
}
