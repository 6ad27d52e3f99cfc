package io.tokenbench.mock.platform;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.billing.Credits;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.KeyState;
import java.time.Instant;

/**
 * The key object of the admin API, fields exactly as key-limits.md: {@code id, name, key, status,
 * unlimited, limit_credits, reset, created_at, expires_at, used_in_period, used_total, remaining,
 * period_start, next_reset_at}. Credits are JSON numbers with up to 6 decimals; times are ISO-8601
 * UTC.
 */
public final class KeyJson {

    private KeyJson() {}

    /**
     * @param shownKey the full secret (create only) or the masked key
     */
    public static ObjectNode render(
            ApiKey key, KeyState s, Instant now, EnforcementProfile p, String shownKey) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", key.id());
        o.put("name", key.name());
        o.put("key", shownKey);
        o.put("status", key.statusOf(s, now, p.expiryOffByOneSeconds()).wireName());
        o.put("unlimited", s.unlimited());
        if (s.unlimited()) {
            o.putNull("limit_credits");
        } else {
            o.put("limit_credits", Credits.fromMicro(s.limitMicroCredits()));
        }
        o.put("reset", key.resetType().wireName());
        o.put("created_at", key.createdAt().toString());
        putInstant(o, "expires_at", key.expiresAt());
        o.put("used_in_period", Credits.fromMicro(s.usedInPeriodMicroCredits()));
        o.put("used_total", Credits.fromMicro(s.usedTotalMicroCredits()));
        if (s.unlimited()) {
            o.putNull("remaining");
        } else {
            o.put("remaining", Credits.fromMicro(s.remainingMicroCredits()));
        }
        o.put("period_start", s.periodStart().toString());
        putInstant(o, "next_reset_at", s.nextResetAt());
        return o;
    }

    public static void putInstant(ObjectNode o, String field, Instant value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value.toString());
        }
    }
}
