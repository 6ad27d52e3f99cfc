package io.tokenbench.simulations.stream;

import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The observations of one media exchange (embeddings, images, speech, transcription, one video
 * submit, poll or download): send, headers, first and last body byte, end, each stamped with the
 * {@code System.nanoTime()} of its read, and the body (up to {@value #MAX_BODY_BYTES} bytes). A
 * streamed (SSE) response is decoded as it arrives and each {@code data:} payload handed to the
 * event sink with the time of the read that completed it. Outcomes come from the chat {@link
 * OutcomeClassifier}, so media and chat requests are named by the same rules.
 *
 * <p>Not thread-safe: one per exchange, fed from its event loop.
 */
public final class StepTrace implements ExchangeObserver {
    /** Bodies above this size are cut (and then fail validation: protocol_error). */
    static final int MAX_BODY_BYTES = 32 << 20;

    private final BiConsumer<Long, String> eventSink;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private SseDecoder decoder;
    private long readNanos;
    private long tSend = RequestTimeline.ABSENT;
    private long tHdr = RequestTimeline.ABSENT;
    private long tFirstByte = RequestTimeline.ABSENT;
    private long tLastByte = RequestTimeline.ABSENT;
    private long tEnd = RequestTimeline.ABSENT;
    private int status;
    private String contentType = "";
    private long retryAfterMillis = RequestTimeline.UNKNOWN;
    private long pollAfterMillis = RequestTimeline.UNKNOWN;
    private boolean truncated;
    private EndReason end;

    /** A plain exchange: the body is kept. */
    public StepTrace() {
        this(null);
    }

    /**
     * {@code eventSink} (may be null) receives each SSE payload of a 200 {@code text/event-stream}
     * answer.
     */
    public StepTrace(BiConsumer<Long, String> eventSink) {
        this.eventSink = eventSink;
    }

    public void sent(long nanos) {
        if (tSend == RequestTimeline.ABSENT) {
            tSend = nanos;
        }
    }

    @Override
    public void response(long nanos, int statusCode, Function<String, String> header) {
        tHdr = nanos;
        status = statusCode;
        String ct = header.apply("content-type");
        contentType = ct == null ? "" : ct.toLowerCase();
        retryAfterMillis =
                RetryAfter.millis(header.apply("retry-after-ms"), header.apply("retry-after"));
        pollAfterMillis = parseMillis(header.apply("openai-poll-after-ms"));
        if (eventSink != null && status == 200 && eventStream()) {
            decoder = new SseDecoder(payload -> eventSink.accept(readNanos, payload));
        }
    }

    @Override
    public void body(long nanos, byte[] bytes, int offset, int length) {
        if (tFirstByte == RequestTimeline.ABSENT) {
            tFirstByte = nanos;
        }
        tLastByte = nanos;
        if (decoder != null) {
            readNanos = nanos;
            decoder.feed(bytes, offset, length);
        } else if (body.size() + length <= MAX_BODY_BYTES) {
            body.write(bytes, offset, length);
        } else {
            truncated = true;
        }
    }

    @Override
    public void end(long nanos, EndReason reason) {
        if (end == null) {
            end = reason;
            tEnd = nanos;
        }
    }

    @Override
    public boolean ended() {
        return end != null;
    }

    @Override
    public long lastActivityNanos() {
        return tLastByte != RequestTimeline.ABSENT ? tLastByte : tSend;
    }

    /**
     * The exchange completed with a 200 and its whole body (the only case a body is worth parsing).
     */
    public boolean completeOk() {
        return end == EndReason.COMPLETE && status == 200 && !truncated;
    }

    /** A streamed body ended inside an SSE event. */
    public boolean partialEvent() {
        return decoder != null && decoder.hasPartialEvent();
    }

    /**
     * The outcome of a non-streamed exchange whose body was ({@code bodyValid}) or was not what the
     * endpoint promises; {@code bodyValid} is only consulted for a complete 200.
     */
    public Outcome outcome(boolean bodyValid) {
        boolean complete = completeOk();
        return OutcomeClassifier.classify(
                new ExchangeFacts(
                        false,
                        status,
                        false,
                        endReason(),
                        complete && bodyValid ? 1 : 0,
                        false,
                        complete && bodyValid,
                        false,
                        complete && !bodyValid,
                        true));
    }

    /** The outcome of a streamed (SSE) exchange, from what its events said. */
    public Outcome streamOutcome(
            int outputEvents, boolean sawDone, boolean sawErrorEvent, boolean malformed) {
        return OutcomeClassifier.classify(
                new ExchangeFacts(
                        true,
                        status,
                        eventStream(),
                        endReason(),
                        outputEvents,
                        sawDone,
                        sawDone,
                        sawErrorEvent,
                        malformed || partialEvent(),
                        true));
    }

    private EndReason endReason() {
        return end == null ? EndReason.CANCELLED : end;
    }

    public boolean eventStream() {
        return contentType.startsWith("text/event-stream");
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public long sendNanos() {
        return tSend;
    }

    public long headersNanos() {
        return tHdr;
    }

    public long firstByteNanos() {
        return tFirstByte;
    }

    /** When the exchange ended (complete: the last byte's read). */
    public long endNanos() {
        return tEnd;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** The {@code openai-poll-after-ms} header, or {@link RequestTimeline#UNKNOWN}. */
    public long pollAfterMillis() {
        return pollAfterMillis;
    }

    public byte[] bodyBytes() {
        return body.toByteArray();
    }

    public String bodyText() {
        return body.toString(StandardCharsets.UTF_8);
    }

    private static long parseMillis(String value) {
        if (value == null) {
            return RequestTimeline.UNKNOWN;
        }
        try {
            long v = Long.parseLong(value.strip());
            return v >= 0 ? v : RequestTimeline.UNKNOWN;
        } catch (NumberFormatException e) {
            return RequestTimeline.UNKNOWN;
        }
    }
}
