package io.tokenbench.mock.platformadmin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.platform.PlatformState;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** {@code /admin/clock}: read, set or advance the emulator's clock; resets follow at once. */
final class ClockAdmin {

    private static final Set<String> FIELDS = Set.of("set", "advance_seconds");

    private final PlatformState platform;

    ClockAdmin(PlatformState platform) {
        this.platform = platform;
    }

    AdminResponse get() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("now", platform.clock().instant().toString());
        body.put("offset_seconds", platform.clock().offset().toSeconds());
        return AdminResponse.json(200, body);
    }

    /** {@code {"set":"2026-12-31T23:59:59Z"}} or {@code {"advance_seconds":86400}}, exactly one. */
    AdminResponse post(byte[] body) throws BadRequestException {
        RequestBody b = RequestBody.parse(body, FIELDS);
        if (b.has("set") == b.has("advance_seconds")) {
            throw new BadRequestException(
                    null, "send exactly one of set (ISO-8601 instant) or advance_seconds");
        }
        if (b.has("set")) {
            String text = b.requiredText("set");
            Instant target;
            try {
                target = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new BadRequestException(
                        "set",
                        "set must be an ISO-8601 instant such as 2026-12-31T23:59:59Z: " + text);
            }
            platform.clock().set(target);
        } else {
            long seconds = b.requiredLong("advance_seconds");
            if (seconds < 0) {
                throw new BadRequestException(
                        "advance_seconds", "advance_seconds must be >= 0: " + seconds);
            }
            platform.clock().advance(Duration.ofSeconds(seconds));
        }
        platform.sweep();
        return get();
    }
}
