package io.tokenbench.simulations.chains;

import io.tokenbench.reports.record.Outcome;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code --retries}: which failures are re-sent and after how long, as the OpenAI SDKs do: 408,
 * 409, 429 and 5xx responses, failed and lost connections and requests that got no first token in
 * time (never a response that had started: its output was seen); the delay is the response's
 * Retry-After when it gives one of at most {@value #MAX_RETRY_AFTER_MILLIS} ms, else 0.5 s × 2^n
 * capped at 8 s, less up to 25 % jitter.
 */
final class Backoff {
    static final long INITIAL_MILLIS = 500;
    static final long MAX_MILLIS = 8_000;
    static final long MAX_RETRY_AFTER_MILLIS = 60_000;

    private Backoff() {}

    static boolean retryable(Outcome outcome, int status) {
        return switch (outcome) {
            case HTTP_429, HTTP_5XX, CONNECT_FAILED, CONNECTION_LOST -> true;
            case HTTP_4XX -> status == 408 || status == 409;
            case TIMEOUT_FIRST_TOKEN -> status == 0;
            default -> false;
        };
    }

    /** The wait before re-send {@code retry + 1}; {@code retryAfterMillis} < 0 when none. */
    static long delayNanos(int retry, long retryAfterMillis) {
        if (retryAfterMillis >= 0 && retryAfterMillis <= MAX_RETRY_AFTER_MILLIS) {
            return retryAfterMillis * 1_000_000L;
        }
        double millis = Math.min(INITIAL_MILLIS * Math.pow(2, retry), MAX_MILLIS);
        double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return (long) (millis * jitter * 1_000_000L);
    }
}
