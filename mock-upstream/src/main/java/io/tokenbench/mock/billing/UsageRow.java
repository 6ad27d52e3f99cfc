package io.tokenbench.mock.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * One request in the usage log (the platform's Logs page).
 *
 * @param time emulator time the row was written (settlement or rejection)
 * @param requestId the request id
 * @param keyId the key's id
 * @param keyName the key's name at the time
 * @param model the model id
 * @param endpoint the route
 * @param promptTokens prompt tokens billed
 * @param completionTokens completion tokens billed
 * @param creditsMicro the request's cost in micro-Credits (0 for rejections and refunds)
 * @param stream whether it streamed
 * @param status the HTTP status
 * @param cancelReason {@code null} when completed; otherwise why it ended (client_cancelled,
 *     upstream_error_before_first_byte, upstream_error_mid_response, or the rejection reason)
 * @param periodStart the key period this row's Credits count in
 */
public record UsageRow(
        Instant time,
        String requestId,
        long keyId,
        String keyName,
        String model,
        String endpoint,
        long promptTokens,
        long completionTokens,
        long creditsMicro,
        boolean stream,
        int status,
        String cancelReason,
        Instant periodStart) {

    public UsageRow {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(periodStart, "periodStart");
    }

    /** Success for the usage stats: a 2xx that was not cut by an upstream error. */
    public boolean succeeded() {
        return status >= 200
                && status < 300
                && (cancelReason == null || "client_cancelled".equals(cancelReason));
    }
}
