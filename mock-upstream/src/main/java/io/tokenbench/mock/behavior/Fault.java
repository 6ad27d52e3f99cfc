package io.tokenbench.mock.behavior;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The faults the mock injects on demand. Each is named after the harness outcome it should produce
 * (metrics.md, "Outcomes"), so a test can check the harness classifies every one.
 *
 * <p>{@link Phase#BEFORE_HEADERS} faults replace the response (the gate settles them as {@code
 * UPSTREAM_ERROR_BEFORE_FIRST_BYTE}); {@link Phase#IN_RESPONSE} faults alter a response that has
 * started. A parameter, when the fault has one, follows a colon: {@code stall:2s}.
 */
public enum Fault {
    /**
     * 429 with {@code retry-after}, {@code retry-after-ms} and {@code x-ratelimit-*}; param:
     * retry-after.
     */
    HTTP_429("http_429", "http_429", Phase.BEFORE_HEADERS, ParamKind.DURATION, 1_000_000_000L),
    /** 500 {@code server_error}. */
    HTTP_500("http_500", "http_5xx", Phase.BEFORE_HEADERS, ParamKind.NONE, 0),
    /** 502 {@code server_error}. */
    HTTP_502("http_502", "http_5xx", Phase.BEFORE_HEADERS, ParamKind.NONE, 0),
    /** 503 {@code server_error}. */
    HTTP_503("http_503", "http_5xx", Phase.BEFORE_HEADERS, ParamKind.NONE, 0),
    /**
     * TCP reset (SO_LINGER 0) after reading the request, before any response byte: the harness's
     * {@code connection_lost} (the request was sent; {@code connect_failed} is for connections that
     * never opened).
     */
    CONNECT_RESET("connect_reset", "connection_lost", Phase.BEFORE_HEADERS, ParamKind.NONE, 0),
    /** TCP reset after K content chunks (non-streaming: after half the body); param: K. */
    STREAM_RESET("stream_reset", "stream_truncated", Phase.IN_RESPONSE, ParamKind.COUNT, 2),
    /** In-band {@code data: {"error":...}} after K content chunks, then end of body; param: K. */
    STREAM_ERROR_EVENT(
            "stream_error_event", "stream_error_event", Phase.IN_RESPONSE, ParamKind.COUNT, 2),
    /**
     * A truncated, unparsable JSON event after K content chunks (non-streaming: a truncated body);
     * param: K.
     */
    PROTOCOL_ERROR("protocol_error", "protocol_error", Phase.IN_RESPONSE, ParamKind.COUNT, 2),
    /** The stream ends without {@code data: [DONE]} (the finish and usage chunks are sent). */
    MISSING_DONE("missing_done", "stream_truncated", Phase.IN_RESPONSE, ParamKind.NONE, 0),
    /**
     * No usage chunk although {@code include_usage} asked for it (non-streaming: no {@code usage}).
     */
    USAGE_MISSING("usage_missing", "usage_missing", Phase.IN_RESPONSE, ParamKind.NONE, 0),
    /**
     * No bytes for D after the first content chunk (non-streaming: before the headers); param: D.
     */
    STALL("stall", "timeout_idle", Phase.IN_RESPONSE, ParamKind.DURATION, 2_000_000_000L),
    /** Every event written a few bytes at a time, one piece per D; param: D. Streams only. */
    SLOW_DRIP("slow_drip", "ok", Phase.IN_RESPONSE, ParamKind.DURATION, 10_000_000L);

    /** When the fault acts. */
    public enum Phase {
        BEFORE_HEADERS,
        IN_RESPONSE
    }

    /** What the optional parameter after the colon is. */
    public enum ParamKind {
        NONE,
        COUNT,
        DURATION
    }

    private final String wireName;
    private final String harnessOutcome;
    private final Phase phase;
    private final ParamKind paramKind;
    private final long defaultParam;

    Fault(
            String wireName,
            String harnessOutcome,
            Phase phase,
            ParamKind paramKind,
            long defaultParam) {
        this.wireName = wireName;
        this.harnessOutcome = harnessOutcome;
        this.phase = phase;
        this.paramKind = paramKind;
        this.defaultParam = defaultParam;
    }

    /** The name used in {@code x-mock-fault}, {@code --fault} and the admin API. */
    public String wireName() {
        return wireName;
    }

    /** The outcome the harness should record for a request hit by this fault. */
    public String harnessOutcome() {
        return harnessOutcome;
    }

    public Phase phase() {
        return phase;
    }

    public ParamKind paramKind() {
        return paramKind;
    }

    /** The parameter when none is given: a count, or nanoseconds for durations. */
    public long defaultParam() {
        return defaultParam;
    }

    public static Optional<Fault> byWireName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wanted)).findFirst();
    }
}
