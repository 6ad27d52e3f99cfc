package io.tokenbench.reports.record;

import java.util.Objects;

/**
 * Everything measured about one request: timestamps in monotonic nanoseconds ({@code
 * System.nanoTime()}), token counts, outcome and cost. Symbols follow {@code metrics.md}. A
 * timestamp that did not happen (no first token, connection refused) is {@link #ABSENT}; a count
 * that is unknown is {@link #UNKNOWN}.
 *
 * <p>Ownership: the record keeps {@code outputEventNanos} without copying (it is built once per
 * request on the driver thread, then read by {@link MetricDerivation}); callers must not modify the
 * array afterwards.
 *
 * @param endpoint which endpoint kind was measured; selects the metrics that apply
 * @param tSchedNanos intended start (open model); closed model: equal to {@code tSendNanos}
 * @param tSendNanos first byte of the request written
 * @param tHdrNanos status line and headers received
 * @param tFirstNanos first output-bearing event (speech: first audio chunk)
 * @param tFirstContentNanos first event with non-reasoning content
 * @param outputEventNanos arrival of every output-bearing event t_1..t_n (may be empty when the
 *     driver does not keep them; then no itl samples are derived)
 * @param tLastNanos last output-bearing event
 * @param tDoneNanos {@code data: [DONE]} or end of body
 * @param promptTokens {@code usage.prompt_tokens} from the server, or {@link #UNKNOWN}
 * @param completionTokens {@code usage.completion_tokens} from the server, or {@link #UNKNOWN}
 * @param clientCountedTokens tokens counted by the client on the joined text, or {@link #UNKNOWN}
 * @param outcome how the request ended
 * @param retryAfterMillis the Retry-After of a 429 in milliseconds, or {@link #UNKNOWN}
 * @param microCredits Credits spent in millionths (usage x catalog price), 0 when unpriced
 * @param images images in the response (images endpoint), else 0
 * @param audioNanos duration of the input audio (transcription), else 0
 * @param httpStatus the final response's HTTP status, 0 when no response arrived (refused, reset,
 *     timed out before headers)
 * @param retries re-sends of this request made on the user's request ({@code --retries}); the
 *     timeline describes the last attempt
 */
public record RequestTimeline(
        EndpointClass endpoint,
        long tSchedNanos,
        long tSendNanos,
        long tHdrNanos,
        long tFirstNanos,
        long tFirstContentNanos,
        long[] outputEventNanos,
        long tLastNanos,
        long tDoneNanos,
        long promptTokens,
        long completionTokens,
        long clientCountedTokens,
        Outcome outcome,
        long retryAfterMillis,
        long microCredits,
        int images,
        long audioNanos,
        int httpStatus,
        int retries) {

    /**
     * Marks a timestamp that did not happen. {@code nanoTime} can be negative, so 0 or -1 would not
     * do.
     */
    public static final long ABSENT = Long.MIN_VALUE;

    /** Marks an unknown count. */
    public static final long UNKNOWN = -1;

    private static final long[] NO_EVENTS = new long[0];

    public RequestTimeline {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(outcome, "outcome");
        if (outputEventNanos == null) {
            outputEventNanos = NO_EVENTS;
        }
        if (microCredits < 0 || images < 0 || audioNanos < 0) {
            throw new IllegalArgumentException("microCredits, images and audioNanos must be >= 0");
        }
        if (httpStatus < 0 || httpStatus > 999 || retries < 0) {
            throw new IllegalArgumentException(
                    "httpStatus must be 0..999 and retries >= 0: " + httpStatus + ", " + retries);
        }
    }

    /** A timeline without HTTP status (unknown: 0) and without retries. */
    public RequestTimeline(
            EndpointClass endpoint,
            long tSchedNanos,
            long tSendNanos,
            long tHdrNanos,
            long tFirstNanos,
            long tFirstContentNanos,
            long[] outputEventNanos,
            long tLastNanos,
            long tDoneNanos,
            long promptTokens,
            long completionTokens,
            long clientCountedTokens,
            Outcome outcome,
            long retryAfterMillis,
            long microCredits,
            int images,
            long audioNanos) {
        this(
                endpoint,
                tSchedNanos,
                tSendNanos,
                tHdrNanos,
                tFirstNanos,
                tFirstContentNanos,
                outputEventNanos,
                tLastNanos,
                tDoneNanos,
                promptTokens,
                completionTokens,
                clientCountedTokens,
                outcome,
                retryAfterMillis,
                microCredits,
                images,
                audioNanos,
                0,
                0);
    }

    /**
     * N_out: server usage when present, else the client's count (flagged usage_missing), else
     * UNKNOWN.
     */
    public long outputTokens() {
        return completionTokens >= 0 ? completionTokens : clientCountedTokens;
    }

    /**
     * Client and server both counted tokens and disagree ({@code token_mismatch} in metrics.md).
     */
    public boolean tokenMismatch() {
        return completionTokens >= 0
                && clientCountedTokens >= 0
                && completionTokens != clientCountedTokens;
    }

    public static boolean present(long timestampNanos) {
        return timestampNanos != ABSENT;
    }

    public static Builder builder(EndpointClass endpoint) {
        return new Builder(endpoint);
    }

    /** Mutable builder for driver code; not thread-safe (one per request). */
    public static final class Builder {
        private final EndpointClass endpoint;
        private long tSched = ABSENT;
        private long tSend = ABSENT;
        private long tHdr = ABSENT;
        private long tFirst = ABSENT;
        private long tFirstContent = ABSENT;
        private long[] events = NO_EVENTS;
        private long tLast = ABSENT;
        private long tDone = ABSENT;
        private long promptTokens = UNKNOWN;
        private long completionTokens = UNKNOWN;
        private long clientCountedTokens = UNKNOWN;
        private Outcome outcome = Outcome.OK;
        private long retryAfterMillis = UNKNOWN;
        private long microCredits;
        private int images;
        private long audioNanos;
        private int httpStatus;
        private int retries;

        private Builder(EndpointClass endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        public Builder sched(long nanos) {
            tSched = nanos;
            return this;
        }

        public Builder send(long nanos) {
            tSend = nanos;
            return this;
        }

        public Builder headers(long nanos) {
            tHdr = nanos;
            return this;
        }

        public Builder first(long nanos) {
            tFirst = nanos;
            return this;
        }

        public Builder firstContent(long nanos) {
            tFirstContent = nanos;
            return this;
        }

        public Builder last(long nanos) {
            tLast = nanos;
            return this;
        }

        public Builder done(long nanos) {
            tDone = nanos;
            return this;
        }

        public Builder usage(long prompt, long completion) {
            promptTokens = prompt;
            completionTokens = completion;
            return this;
        }

        public Builder clientCountedTokens(long tokens) {
            clientCountedTokens = tokens;
            return this;
        }

        public Builder outcome(Outcome value) {
            outcome = Objects.requireNonNull(value);
            return this;
        }

        public Builder retryAfterMillis(long millis) {
            retryAfterMillis = millis;
            return this;
        }

        public Builder microCredits(long value) {
            microCredits = value;
            return this;
        }

        public Builder images(int count) {
            images = count;
            return this;
        }

        public Builder audioNanos(long nanos) {
            audioNanos = nanos;
            return this;
        }

        /** The final response's HTTP status; 0 (the default) when none arrived. */
        public Builder status(int value) {
            httpStatus = value;
            return this;
        }

        /** Re-sends made before the attempt this timeline describes. */
        public Builder retries(int value) {
            retries = value;
            return this;
        }

        /**
         * Sets every output-bearing event time t_1..t_n; also sets t_first and t_last from the
         * first and last element unless they were set explicitly. The array is kept, not copied.
         */
        public Builder outputEvents(long... eventNanos) {
            events = Objects.requireNonNull(eventNanos);
            if (eventNanos.length > 0) {
                if (tFirst == ABSENT) {
                    tFirst = eventNanos[0];
                }
                if (tLast == ABSENT) {
                    tLast = eventNanos[eventNanos.length - 1];
                }
            }
            return this;
        }

        /** Closed model: t_sched = t_send when no schedule was given. */
        public RequestTimeline build() {
            long sched = tSched == ABSENT ? tSend : tSched;
            return new RequestTimeline(
                    endpoint,
                    sched,
                    tSend,
                    tHdr,
                    tFirst,
                    tFirstContent,
                    events,
                    tLast,
                    tDone,
                    promptTokens,
                    completionTokens,
                    clientCountedTokens,
                    outcome,
                    retryAfterMillis,
                    microCredits,
                    images,
                    audioNanos,
                    httpStatus,
                    retries);
        }
    }
}
