package io.tokenbench.reports.record;

/**
 * The kind of endpoint a {@link RequestTimeline} measured; it selects which metrics apply
 * (see {@link MetricDerivation}).
 */
public enum EndpointClass {
    /** Chat or completions, streamed (SSE) or not. */
    CHAT,
    /** Embeddings: e2e and ttfb only. */
    EMBEDDINGS,
    /** Image generation: e2e, ttfb and per-image latency. */
    IMAGES,
    /** Transcription: e2e, ttfb and real-time factor. */
    TRANSCRIPTION,
    /** Streamed speech: output events are audio chunks; time to first audio chunk, chunk gaps as itl. */
    SPEECH
}
