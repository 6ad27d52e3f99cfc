package io.tokenbench.simulations.stream;

import io.tokenbench.reports.record.RequestTimeline;

/**
 * Reads a 429's wait: {@code retry-after-ms} (milliseconds) first, else {@code retry-after}
 * (seconds).
 */
final class RetryAfter {
    private RetryAfter() {}

    /**
     * Milliseconds, or {@link RequestTimeline#UNKNOWN} when neither header holds a number (HTTP
     * dates too).
     */
    static long millis(String retryAfterMs, String retryAfterSeconds) {
        try {
            if (retryAfterMs != null && !retryAfterMs.isBlank()) {
                return Math.max(0, Math.round(Double.parseDouble(retryAfterMs.trim())));
            }
            if (retryAfterSeconds != null && !retryAfterSeconds.isBlank()) {
                return Math.max(0, Math.round(Double.parseDouble(retryAfterSeconds.trim()) * 1000));
            }
        } catch (NumberFormatException e) {
            // An HTTP-date Retry-After: not a wait we can record as a number.
        }
        return RequestTimeline.UNKNOWN;
    }
}
