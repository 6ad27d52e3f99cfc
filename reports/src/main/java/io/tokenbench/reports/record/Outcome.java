package io.tokenbench.reports.record;

import java.util.Optional;

/**
 * How a request ended: exactly the outcomes of {@code metrics.md}, never one error counter. {@link
 * #USAGE_MISSING} is a success whose token count came from counting the joined text.
 */
public enum Outcome {
    OK("ok"),
    HTTP_4XX("http_4xx"),
    HTTP_429("http_429"),
    HTTP_5XX("http_5xx"),
    CONNECT_FAILED("connect_failed"),
    /**
     * The connection closed or was reset after the request was written and before any response
     * byte: the request may have reached the server; never re-sent silently.
     */
    CONNECTION_LOST("connection_lost"),
    TIMEOUT_FIRST_TOKEN("timeout_first_token"),
    TIMEOUT_IDLE("timeout_idle"),
    STREAM_ERROR_EVENT("stream_error_event"),
    STREAM_TRUNCATED("stream_truncated"),
    PROTOCOL_ERROR("protocol_error"),
    USAGE_MISSING("usage_missing"),
    CANCELLED("cancelled");

    private static final Outcome[] VALUES = values();

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True when the response arrived complete: {@code ok} and {@code usage_missing}. */
    public boolean isSuccess() {
        return this == OK || this == USAGE_MISSING;
    }

    public static Optional<Outcome> fromWireName(String wireName) {
        for (Outcome o : VALUES) {
            if (o.wireName.equals(wireName)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
