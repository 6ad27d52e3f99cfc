package io.tokenbench.mock.platformadmin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.billing.Credits;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.KeyState;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.PlatformState;
import java.util.Optional;

/**
 * new-api's {@code GET /api/usage/token/} with the key as Bearer: {@code
 * {"code":true,"data":{"object":"token_usage","name","total_granted","total_used","total_available",
 * "unlimited_quota","expires_at"}}}. Amounts are Credits of the current period ({@code total_used}
 * = used_in_period, {@code total_available} = remaining, {@code total_granted} = their sum, the
 * limit); {@code expires_at} is Unix seconds, 0 for never (new-api normalises -1 to 0). Failures
 * are 401 {@code {"success":false,"message":...}} as in new-api.
 */
final class TokenUsageEndpoint {

    private final PlatformState platform;

    TokenUsageEndpoint(PlatformState platform) {
        this.platform = platform;
    }

    AdminResponse get(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return failure("No Authorization header");
        }
        if (!authorization.startsWith("Bearer ") || authorization.length() == "Bearer ".length()) {
            return failure("Invalid Bearer token");
        }
        Optional<ApiKey> found =
                platform.keys().findBySecret(authorization.substring("Bearer ".length()).trim());
        if (found.isEmpty()) {
            return failure("token not found");
        }
        ApiKey key = found.get();
        EnforcementProfile p = platform.profile();
        KeyState s = platform.readView(key);
        long used = s.usedInPeriodMicroCredits();
        long available = s.unlimited() ? 0 : s.remainingMicroCredits();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("object", "token_usage");
        data.put("name", key.name());
        if (p.usageReportsGranted()) {
            data.put("total_granted", Credits.fromMicro(used + available));
        }
        data.put("total_used", Credits.fromMicro(used));
        data.put("total_available", Credits.fromMicro(available));
        data.put("unlimited_quota", s.unlimited());
        data.put("expires_at", key.expiresAt() == null ? 0 : key.expiresAt().getEpochSecond());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", true);
        body.set("data", data);
        return AdminResponse.json(200, body);
    }

    private static AdminResponse failure(String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("success", false);
        body.put("message", message);
        return AdminResponse.json(401, body);
    }
}
