package io.tokenbench.reports.record;

import static io.tokenbench.reports.record.RequestTimeline.present;

/**
 * The one place that turns timelines into metric samples, by the formulas of {@code metrics.md}
 * (printed as {@link Metric#formula()}).
 *
 * <p>Rules where {@code metrics.md} is silent:
 *
 * <ul>
 *   <li>{@code dispatch_lag} is derived for every request that was sent, whatever its outcome;
 *       every other latency only for successful requests ({@link Outcome#isSuccess()}), so fast
 *       errors do not flatter the latency distributions. Failed requests are still counted by
 *       outcome.
 *   <li>Differences that come out negative (clock granularity of ms-based drivers) are recorded as
 *       0.
 *   <li>Non-streamed responses have no t_last: e2e uses t_done.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class MetricDerivation {

    /** Returned by the single-metric helpers when a metric does not apply to a request. */
    public static final long NOT_APPLICABLE = -1;

    private MetricDerivation() {}

    /** Sends every applicable sample of {@code t} to {@code sink}. */
    public static void derive(RequestTimeline t, MetricSink sink) {
        emit(sink, Metric.DISPATCH_LAG, diff(t.tSendNanos(), t.tSchedNanos()));
        if (!t.outcome().isSuccess()) {
            return;
        }
        emit(sink, Metric.TTFB, diff(t.tHdrNanos(), t.tSendNanos()));
        emit(sink, Metric.E2E, e2eNanos(t));
        emit(sink, Metric.E2E_SCHED, e2eSchedNanos(t));
        switch (t.endpoint()) {
            case CHAT -> deriveChat(t, sink);
            case SPEECH -> {
                emit(sink, Metric.TTFA, diff(t.tFirstNanos(), t.tSendNanos()));
                emit(sink, Metric.STREAM_TAIL, diff(t.tDoneNanos(), t.tLastNanos()));
                emitGaps(t.outputEventNanos(), sink);
            }
            case IMAGES -> {
                long e2e = e2eNanos(t);
                if (e2e != NOT_APPLICABLE && t.images() > 0) {
                    sink.accept(Metric.IMAGE_E2E, e2e / t.images());
                }
            }
            case TRANSCRIPTION -> {
                long e2e = e2eNanos(t);
                if (e2e > 0 && t.audioNanos() > 0) {
                    sink.accept(
                            Metric.TRANSCRIPTION_RTF, Math.round(1000.0 * t.audioNanos() / e2e));
                }
            }
            case EMBEDDINGS, VIDEO -> {
                // e2e, e2e_sched and ttfb only (video jobs are JobTimelines; see
                // derive(JobTimeline, ...))
            }
        }
    }

    /** Sends the samples of one video job to {@code sink}. */
    public static void derive(JobTimeline j, MetricSink sink) {
        emit(sink, Metric.DISPATCH_LAG, diff(j.tSubmitNanos(), j.tSchedNanos()));
        if (!j.outcome().isSuccess()) {
            return;
        }
        emit(sink, Metric.VIDEO_ACCEPT, diff(j.tAcceptedNanos(), j.tSubmitNanos()));
        emit(sink, Metric.VIDEO_QUEUE, diff(j.tStartedNanos(), j.tAcceptedNanos()));
        emit(sink, Metric.VIDEO_COMPLETE, diff(j.tCompletedNanos(), j.tSubmitNanos()));
        sink.accept(Metric.VIDEO_POLLS, j.polls());
    }

    private static void deriveChat(RequestTimeline t, MetricSink sink) {
        emit(sink, Metric.TTFT, diff(t.tFirstNanos(), t.tSendNanos()));
        emit(sink, Metric.TTFT_SCHED, ttftSchedNanos(t));
        emit(sink, Metric.TTFC, diff(t.tFirstContentNanos(), t.tSendNanos()));
        emit(sink, Metric.STREAM_TAIL, diff(t.tDoneNanos(), t.tLastNanos()));
        emitGaps(t.outputEventNanos(), sink);
        long tpot = tpotNanos(t);
        emit(sink, Metric.TPOT, tpot);
        if (tpot > 0) {
            // 1 / tpot tokens/s, stored in milli-tokens/s: 1e3 * 1e9 / tpotNanos
            sink.accept(Metric.DECODE_RATE, Math.round(1e12 / tpot));
        }
    }

    /** itl: one sample per gap t_k - t_(k-1), k >= 2. */
    private static void emitGaps(long[] events, MetricSink sink) {
        for (int k = 1; k < events.length; k++) {
            sink.accept(Metric.ITL, Math.max(0, events[k] - events[k - 1]));
        }
    }

    /**
     * The ttft sample {@link #derive(RequestTimeline, MetricSink)} sends for {@code t}, or {@link
     * #NOT_APPLICABLE} when it sends none: for a consumer of that one metric, without the walk over
     * every metric.
     */
    public static long ttftNanos(RequestTimeline t) {
        if (t.endpoint() != EndpointClass.CHAT || !t.outcome().isSuccess()) {
            return NOT_APPLICABLE;
        }
        return diff(t.tFirstNanos(), t.tSendNanos());
    }

    /** ttft_sched = t_first - t_sched, or {@link #NOT_APPLICABLE}. */
    public static long ttftSchedNanos(RequestTimeline t) {
        return diff(t.tFirstNanos(), t.tSchedNanos());
    }

    /** tpot = (t_last - t_first) / (N_out - 1) for N_out >= 2, or {@link #NOT_APPLICABLE}. */
    public static long tpotNanos(RequestTimeline t) {
        long outputTokens = t.outputTokens();
        long span = diff(t.tLastNanos(), t.tFirstNanos());
        if (outputTokens < 2 || span == NOT_APPLICABLE) {
            return NOT_APPLICABLE;
        }
        return Math.round((double) span / (outputTokens - 1));
    }

    /**
     * e2e = t_last - t_send (t_done - t_send without output events), or {@link #NOT_APPLICABLE}.
     */
    public static long e2eNanos(RequestTimeline t) {
        return diff(endOf(t), t.tSendNanos());
    }

    /**
     * e2e_sched = t_last - t_sched (t_done - t_sched without output events), or {@link
     * #NOT_APPLICABLE}.
     */
    public static long e2eSchedNanos(RequestTimeline t) {
        return diff(endOf(t), t.tSchedNanos());
    }

    private static long endOf(RequestTimeline t) {
        return present(t.tLastNanos()) ? t.tLastNanos() : t.tDoneNanos();
    }

    private static long diff(long later, long earlier) {
        if (!present(later) || !present(earlier)) {
            return NOT_APPLICABLE;
        }
        return Math.max(0, later - earlier);
    }

    private static void emit(MetricSink sink, Metric metric, long value) {
        if (value != NOT_APPLICABLE) {
            sink.accept(metric, value);
        }
    }
}
