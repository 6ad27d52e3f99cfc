package io.tokenbench.reports.record;

import java.util.Optional;

/**
 * Every per-request metric of {@code metrics.md}, with the wire name used as the {@code .hlog} tag,
 * in {@code summary.json} and in gate rules, and the unit its histogram stores. The formulas live
 * in {@link MetricDerivation}; {@link #formula} is the legend text printed in reports.
 */
public enum Metric {
    TTFT("ttft", ValueUnit.NANOS_AS_MILLIS, "t_first - t_send (service time to first token)"),
    TTFT_SCHED(
            "ttft_sched",
            ValueUnit.NANOS_AS_MILLIS,
            "t_first - t_sched (user-perceived, free of coordinated omission)"),
    TTFC(
            "ttfc",
            ValueUnit.NANOS_AS_MILLIS,
            "t_first_content - t_send (first non-reasoning content)"),
    TTFB("ttfb", ValueUnit.NANOS_AS_MILLIS, "t_hdr - t_send (response headers)"),
    E2E("e2e", ValueUnit.NANOS_AS_MILLIS, "t_last - t_send (non-streamed: t_done - t_send)"),
    E2E_SCHED(
            "e2e_sched",
            ValueUnit.NANOS_AS_MILLIS,
            "t_last - t_sched (non-streamed: t_done - t_sched)"),
    STREAM_TAIL(
            "stream_tail",
            ValueUnit.NANOS_AS_MILLIS,
            "t_done - t_last (what follows the last token)"),
    ITL(
            "itl",
            ValueUnit.NANOS_AS_MILLIS,
            "t_k - t_(k-1), k >= 2, one sample per gap, pooled (vLLM)"),
    TPOT(
            "tpot",
            ValueUnit.NANOS_AS_MILLIS,
            "(t_last - t_first) / (N_out - 1), N_out >= 2; excludes TTFT"),
    DECODE_RATE("decode_rate", ValueUnit.MILLI_TOKENS_PER_SECOND, "1 / tpot, tokens/s per stream"),
    DISPATCH_LAG(
            "dispatch_lag",
            ValueUnit.NANOS_AS_MILLIS,
            "t_send - t_sched (load generator lateness)"),
    IMAGE_E2E(
            "image_e2e",
            ValueUnit.NANOS_AS_MILLIS,
            "e2e / images in the response (per-image latency)"),
    TRANSCRIPTION_RTF(
            "transcription_rtf",
            ValueUnit.MILLI_RATIO,
            "audio seconds / e2e seconds (real-time factor)"),
    TTFA(
            "ttfa",
            ValueUnit.NANOS_AS_MILLIS,
            "t_first_audio_chunk - t_send (speech; chunk gaps go to itl)"),
    VIDEO_ACCEPT(
            "video_accept",
            ValueUnit.NANOS_AS_MILLIS,
            "t_accepted - t_submit (video job submit to accepted)"),
    VIDEO_QUEUE(
            "video_queue",
            ValueUnit.NANOS_AS_MILLIS,
            "t_started - t_accepted (video job queue time)"),
    VIDEO_COMPLETE(
            "video_complete",
            ValueUnit.NANOS_AS_MILLIS,
            "t_completed - t_submit (video job submit to completed)"),
    VIDEO_POLLS("video_polls", ValueUnit.COUNT, "status polls per video job");

    private static final Metric[] VALUES = values();

    private final String wireName;
    private final ValueUnit unit;
    private final String formula;

    Metric(String wireName, ValueUnit unit, String formula) {
        this.wireName = wireName;
        this.unit = unit;
        this.formula = formula;
    }

    /** The name used as {@code .hlog} tag, {@code summary.json} key and gate-rule metric. */
    public String wireName() {
        return wireName;
    }

    public ValueUnit unit() {
        return unit;
    }

    /** Legend text: the formula this metric is computed by. */
    public String formula() {
        return formula;
    }

    /** The metric with this wire name, if any. */
    public static Optional<Metric> fromWireName(String wireName) {
        for (Metric m : VALUES) {
            if (m.wireName.equals(wireName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
