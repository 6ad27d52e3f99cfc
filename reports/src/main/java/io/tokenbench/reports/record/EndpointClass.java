package io.tokenbench.reports.record;

import java.util.List;
import java.util.Optional;

/**
 * The kind of endpoint a {@link RequestTimeline} (or, for {@link #VIDEO}, a {@link JobTimeline})
 * measured; it selects which metrics apply (see {@link MetricDerivation}). The wire name is the
 * class's key in {@code summary.json}, its {@code .hlog} tag prefix ({@code images.image_e2e}) and
 * its gate-rule prefix.
 */
public enum EndpointClass {
    /** Chat or completions, streamed (SSE) or not. */
    CHAT(
            "chat",
            List.of(
                    Metric.TTFT,
                    Metric.TTFT_SCHED,
                    Metric.TTFC,
                    Metric.TTFB,
                    Metric.ITL,
                    Metric.TPOT,
                    Metric.DECODE_RATE,
                    Metric.E2E,
                    Metric.E2E_SCHED,
                    Metric.STREAM_TAIL,
                    Metric.DISPATCH_LAG)),
    /** Embeddings: e2e and ttfb only. */
    EMBEDDINGS(
            "embeddings", List.of(Metric.TTFB, Metric.E2E, Metric.E2E_SCHED, Metric.DISPATCH_LAG)),
    /** Image generation: e2e, ttfb and per-image latency. */
    IMAGES(
            "images",
            List.of(
                    Metric.TTFB,
                    Metric.E2E,
                    Metric.E2E_SCHED,
                    Metric.IMAGE_E2E,
                    Metric.DISPATCH_LAG)),
    /** Transcription: e2e, ttfb and real-time factor. */
    TRANSCRIPTION(
            "transcription",
            List.of(
                    Metric.TTFB,
                    Metric.E2E,
                    Metric.E2E_SCHED,
                    Metric.TRANSCRIPTION_RTF,
                    Metric.DISPATCH_LAG)),
    /**
     * Streamed speech: output events are audio chunks; time to first audio chunk, chunk gaps as
     * itl.
     */
    SPEECH(
            "speech",
            List.of(
                    Metric.TTFB,
                    Metric.TTFA,
                    Metric.ITL,
                    Metric.E2E,
                    Metric.E2E_SCHED,
                    Metric.STREAM_TAIL,
                    Metric.DISPATCH_LAG)),
    /** Asynchronous video jobs, recorded as {@link JobTimeline}s: submit, polls, completion. */
    VIDEO(
            "video",
            List.of(
                    Metric.VIDEO_ACCEPT,
                    Metric.VIDEO_QUEUE,
                    Metric.VIDEO_COMPLETE,
                    Metric.VIDEO_POLLS,
                    Metric.DISPATCH_LAG));

    private static final EndpointClass[] VALUES = values();

    private final String wireName;
    private final List<Metric> metrics;

    EndpointClass(String wireName, List<Metric> metrics) {
        this.wireName = wireName;
        this.metrics = metrics;
    }

    /** Lower-case name: {@code summary.json} key, {@code .hlog} tag prefix, gate-rule prefix. */
    public String wireName() {
        return wireName;
    }

    /** The metrics {@link MetricDerivation} can derive for this class, in report order. */
    public List<Metric> metrics() {
        return metrics;
    }

    public static Optional<EndpointClass> fromWireName(String name) {
        for (EndpointClass c : VALUES) {
            if (c.wireName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
