package io.tokenbench.simulations.stream;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observations of one chat exchange as they happen: send, headers, body bytes (streamed: each
 * SSE event stamped with the {@code System.nanoTime()} of the read that completed it), end. Then
 * {@link #facts()} for classification and {@link #timeline} for the reports recorder.
 *
 * <p>Not thread-safe: one per request, fed from the connection's event loop. Events decoded from
 * one TCP read share one timestamp (an ITL of 0 there is real: the bytes arrived together).
 */
public final class ExchangeTrace implements ExchangeObserver {
    /** Non-streamed bodies above this size are cut (and then fail to parse: protocol_error). */
    static final int MAX_BODY_BYTES = 8 << 20;

    /** How much of an error response's body is kept for its error sample. */
    static final int MAX_ERROR_BODY_BYTES = 16 << 10;

    /** Response headers kept for error samples (the sampler keeps what it wants of them). */
    static final List<String> SAMPLED_HEADERS =
            List.of(
                    "retry-after",
                    "retry-after-ms",
                    "x-request-id",
                    "request-id",
                    "x-oneapi-request-id",
                    "cf-ray",
                    "x-ratelimit-limit-requests",
                    "x-ratelimit-remaining-requests",
                    "x-ratelimit-reset-requests");

    /** How much output text is kept for sample outputs. */
    static final int MAX_SAMPLE_CHARS = 2000;

    private static final long[] NO_EVENTS = new long[0];
    private static final byte[] NO_BYTES = new byte[0];

    /** Room for the first output events (a non-streamed body has one; a stream grows from 64). */
    private static final int FIRST_EVENTS = 64;

    private final boolean streamed;
    private final SseDecoder decoder;
    private final Bytes body;

    /** The start of the output for sample outputs; null when the sink keeps no more samples. */
    private final StringBuilder sample;

    private final StringBuilder text;

    /** The response's header lookup, read only when an error sample wants its headers. */
    private java.util.function.Function<String, String> responseHeaders = name -> null;

    private Map<String, String> sampledHeaders;
    private ByteArrayOutputStream errorBody;

    private long tSend = RequestTimeline.ABSENT;
    private long tHdr = RequestTimeline.ABSENT;
    private long tFirstContent = RequestTimeline.ABSENT;
    private long tDone = RequestTimeline.ABSENT;
    private long tLastByte = RequestTimeline.ABSENT;
    private long[] outputNanos = NO_EVENTS;
    private int outputCount;
    private long readNanos;

    private int status;
    private boolean eventStream;
    private long retryAfterMillis = RequestTimeline.UNKNOWN;
    private EndReason end;
    private boolean sawDone;
    private boolean sawFinish;
    private boolean sawErrorEvent;
    private boolean malformed;
    private long promptTokens = RequestTimeline.UNKNOWN;
    private long completionTokens = RequestTimeline.UNKNOWN;
    private long words;
    private boolean midWord;
    private String detail = "";

    public ExchangeTrace(boolean streamed) {
        this(streamed, false);
    }

    /**
     * @param keepText keep the whole output text ({@link #text()}): a multi-turn session sends it
     *     back as the assistant's turn
     */
    public ExchangeTrace(boolean streamed, boolean keepText) {
        this(streamed, keepText, true);
    }

    /**
     * As above; {@code keepSample} false: no {@link #sampleText()} (empty), for a sink that keeps
     * no more sample outputs.
     */
    public ExchangeTrace(boolean streamed, boolean keepText, boolean keepSample) {
        this.text = keepText ? new StringBuilder() : null;
        this.sample = keepSample ? new StringBuilder() : null;
        this.streamed = streamed;
        this.decoder =
                streamed
                        ? new SseDecoder(
                                new SseDecoder.EventSink() {
                                    @Override
                                    public void bytes(byte[] data, int offset, int length) {
                                        onEvent(ChunkParser.parseEvent(data, offset, length));
                                    }

                                    @Override
                                    public void text(String data) {
                                        onEvent(ChunkParser.parseEvent(data));
                                    }
                                })
                        : null;
        this.body = streamed ? null : new Bytes();
    }

    public void sent(long nanos) {
        if (tSend == RequestTimeline.ABSENT) {
            tSend = nanos;
        }
    }

    /**
     * Status line and headers arrived. {@code retryAfterMs} and {@code retryAfter} are the raw
     * header values (either may be null); the first that parses wins.
     */
    public void headers(
            long nanos,
            int statusCode,
            String contentType,
            String retryAfterMs,
            String retryAfter) {
        tHdr = nanos;
        status = statusCode;
        eventStream =
                contentType != null && contentType.toLowerCase().startsWith("text/event-stream");
        retryAfterMillis = RetryAfter.millis(retryAfterMs, retryAfter);
    }

    @Override
    public void response(
            long nanos, int statusCode, java.util.function.Function<String, String> header) {
        headers(
                nanos,
                statusCode,
                header.apply("content-type"),
                header.apply("retry-after-ms"),
                header.apply("retry-after"));
        // the sampled headers are looked up only for an error sample (most exchanges have none)
        responseHeaders = header;
        sampledHeaders = null;
    }

    /**
     * The kept headers of the response (Retry-After, request ids, rate limits), looked up in the
     * response's headers on the first call.
     */
    public Map<String, String> sampledHeaders() {
        if (sampledHeaders == null) {
            sampledHeaders = new LinkedHashMap<>();
            for (String name : SAMPLED_HEADERS) {
                String v = responseHeaders.apply(name);
                if (v != null) {
                    sampledHeaders.put(name, v);
                }
            }
        }
        return sampledHeaders;
    }

    /**
     * The start of the body of a response that is not a success (non-200, or a stream answered
     * without {@code text/event-stream}), or of a non-streamed body; "" when none.
     */
    public String errorBodyText() {
        if (errorBody != null) {
            return errorBody.toString(StandardCharsets.UTF_8);
        }
        if (body != null) {
            int n = Math.min(body.size(), MAX_ERROR_BODY_BYTES);
            return new String(body.bytes(), 0, n, StandardCharsets.UTF_8);
        }
        return "";
    }

    /** Body bytes of one read, received at {@code nanos}. */
    @Override
    public void body(long nanos, byte[] bytes, int offset, int length) {
        tLastByte = nanos;
        if (streamed && status == 200 && eventStream) {
            readNanos = nanos;
            decoder.feed(bytes, offset, length);
        } else if (body != null && body.size() + length <= MAX_BODY_BYTES) {
            body.write(bytes, offset, length);
        } else if (body == null) {
            // a stream answered with an error status or another content type: keep its start
            if (errorBody == null) {
                errorBody = new ByteArrayOutputStream();
            }
            int room = MAX_ERROR_BODY_BYTES - errorBody.size();
            if (room > 0) {
                errorBody.write(bytes, offset, Math.min(room, length));
            }
        }
    }

    /** The exchange ended at {@code nanos} for {@code reason}; later calls are ignored. */
    @Override
    public void end(long nanos, EndReason reason) {
        if (end != null) {
            return;
        }
        end = reason;
        if (reason == EndReason.COMPLETE && tDone == RequestTimeline.ABSENT) {
            tDone = nanos;
        }
        if (streamed
                && reason == EndReason.COMPLETE
                && decoder != null
                && decoder.hasPartialEvent()) {
            malformed = true;
            detail = "body ended inside an event";
        }
        if (!streamed && reason == EndReason.COMPLETE && status == 200) {
            onBody(nanos);
        }
    }

    @Override
    public boolean ended() {
        return end != null;
    }

    /** True once the first output-bearing event arrived. */
    public boolean hasOutput() {
        return outputCount > 0;
    }

    /** Nanos of the last byte received (or of send when none yet): the idle timer's reference. */
    @Override
    public long lastActivityNanos() {
        return tLastByte != RequestTimeline.ABSENT ? tLastByte : tSend;
    }

    public long sendNanos() {
        return tSend;
    }

    /** Server-reported prompt tokens, or {@link RequestTimeline#UNKNOWN}. */
    public long promptTokens() {
        return promptTokens;
    }

    /** Server-reported completion tokens, or {@link RequestTimeline#UNKNOWN}. */
    public long completionTokens() {
        return completionTokens;
    }

    public int status() {
        return status;
    }

    /** The response's Retry-After in ms, or {@link RequestTimeline#UNKNOWN}. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    /**
     * Output text seen so far (first {@value #MAX_SAMPLE_CHARS} characters), for sample outputs.
     */
    public String sampleText() {
        return sample == null ? "" : sample.toString();
    }

    /** The whole output text, when kept (see the constructor), else empty. */
    public String text() {
        return text == null ? "" : text.toString();
    }

    /** A short reason for a failure (parser message, error event message), else empty. */
    public String detail() {
        return detail;
    }

    public ExchangeFacts facts() {
        return new ExchangeFacts(
                streamed,
                status,
                eventStream,
                end == null ? EndReason.CANCELLED : end,
                outputCount,
                sawDone,
                sawFinish,
                sawErrorEvent,
                malformed,
                completionTokens >= 0);
    }

    public Outcome outcome() {
        return OutcomeClassifier.classify(facts());
    }

    /**
     * The per-request timeline; {@code tSchedNanos} ABSENT means closed model (t_sched = t_send).
     */
    public RequestTimeline timeline(long tSchedNanos) {
        return timeline(tSchedNanos, 0);
    }

    /** As above, with the request's cost from the server's usage in micro-Credits. */
    public RequestTimeline timeline(long tSchedNanos, long microCredits) {
        return timeline(tSchedNanos, microCredits, 0);
    }

    /** As above, for the attempt after {@code retries} re-sends ({@code --retries}). */
    public RequestTimeline timeline(long tSchedNanos, long microCredits, int retries) {
        RequestTimeline.Builder b =
                RequestTimeline.builder(EndpointClass.CHAT)
                        .sched(tSchedNanos)
                        .send(tSend)
                        .headers(tHdr)
                        .done(tDone)
                        .usage(promptTokens, completionTokens)
                        .clientCountedTokens(
                                outputCount > 0 || words > 0 ? words : RequestTimeline.UNKNOWN)
                        .outcome(outcome())
                        .retryAfterMillis(retryAfterMillis)
                        .microCredits(microCredits)
                        .status(status)
                        .retries(retries);
        if (streamed) {
            // Non-streamed bodies have no per-token times: no ttft/itl/tpot, only ttfb and e2e.
            b.firstContent(tFirstContent).outputEvents(Arrays.copyOf(outputNanos, outputCount));
        }
        return b.build();
    }

    private void onEvent(Chunk chunk) {
        if (chunk instanceof Chunk.Done) {
            sawDone = true;
            tDone = readNanos;
        } else if (chunk instanceof Chunk.Terminal t) {
            onDelta(readNanos, t.delta()); // a Responses stream's end: usage, no [DONE]
            sawDone = true;
            tDone = readNanos;
        } else if (chunk instanceof Chunk.ErrorEvent e) {
            sawErrorEvent = true;
            detail = e.message();
        } else if (chunk instanceof Chunk.Malformed m) {
            malformed = true;
            detail = m.reason();
        } else if (chunk instanceof Chunk.Delta d) {
            onDelta(readNanos, d);
        }
    }

    private void onDelta(long nanos, Chunk.Delta d) {
        if (d.bearsOutput()) {
            if (outputCount == outputNanos.length) {
                outputNanos =
                        Arrays.copyOf(
                                outputNanos,
                                Math.max(streamed ? FIRST_EVENTS : 1, outputCount * 2));
            }
            outputNanos[outputCount++] = nanos;
            if (d.bearsContent() && tFirstContent == RequestTimeline.ABSENT) {
                tFirstContent = nanos;
            }
            countWords(d.contentText());
            countWords(d.reasoningText());
            if (text != null) {
                text.append(d.contentText());
            }
            if (sample != null && sample.length() < MAX_SAMPLE_CHARS) {
                sample.append(
                        d.contentText(),
                        0,
                        Math.min(d.contentText().length(), MAX_SAMPLE_CHARS - sample.length()));
            }
        }
        if (d.finishReason() != null) {
            sawFinish = true;
        }
        if (d.hasUsage()) {
            promptTokens = d.promptTokens();
            completionTokens = d.completionTokens();
        }
    }

    private void onBody(long nanos) {
        Chunk chunk = ChunkParser.parseBody(body.bytes(), 0, body.size());
        if (chunk instanceof Chunk.Malformed m) {
            malformed = true;
            detail = m.reason();
        } else if (chunk instanceof Chunk.ErrorEvent e) {
            sawErrorEvent = true;
            detail = e.message();
        } else if (chunk instanceof Chunk.Delta d) {
            onDelta(nanos, d);
        }
    }

    /**
     * A byte buffer whose content is parsed in place (no copy), sized by its first write (a body
     * that arrives in one read is copied once, into an array of its size), without the locks of
     * {@link ByteArrayOutputStream}.
     */
    private static final class Bytes {
        private byte[] buf = NO_BYTES;
        private int size;

        void write(byte[] bytes, int offset, int length) {
            if (size + length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(size + length, 2 * buf.length));
            }
            System.arraycopy(bytes, offset, buf, size, length);
            size += length;
        }

        int size() {
            return size;
        }

        byte[] bytes() {
            return buf;
        }
    }

    /** Client-side token estimate: whitespace-separated words (the mock's tokens are words). */
    private void countWords(String text) {
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !midWord) {
                words++;
            }
            midWord = !space;
        }
    }
}
