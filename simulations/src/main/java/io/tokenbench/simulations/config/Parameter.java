package io.tokenbench.simulations.config;

/**
 * Every run parameter with its one default and its help line. A parameter is given as {@code --name
 * value} (or {@code --name=value}) on the command line, or as the system property {@code
 * -Dname=value}; the command line wins. {@code null} default means "not set".
 */
public enum Parameter {
    SCENARIO(
            "scenario",
            "streaming",
            "streaming | non-streaming | soak | spike | sweep | gateway-overhead | model-compare | mixed"),
    BASE_URL(
            "base-url",
            null,
            "target base URL (with or without /v1); unset: start the embedded mock"),
    API_KEY_ENV(
            "api-key-env",
            "POWERTOKENS_API_KEY",
            "name of the environment variable holding the API key; with several injectors, NAME0,NAME1,...: one per injector, injector i reads the i-th"),
    MODEL("model", "MiniMax-M3", "model id sent in every request"),
    PROMPTS("prompts", "bundled", "bundled | file:PATH (one prompt per line) | synthetic"),
    INPUT_TOKENS(
            "input-tokens",
            "uniform(64,512)",
            "synthetic prompt length in tokens: N | uniform(a,b) | normal(mean,sd)"),
    MAX_TOKENS("max-tokens", "128", "max_tokens sent in every request"),
    STREAM("stream", "true", "true: SSE streaming; false: one JSON response"),
    RATE("rate", null, "shortcut for --load poisson(R/s)"),
    CONCURRENCY("concurrency", null, "shortcut for --load concurrency(N) (closed model)"),
    LOAD(
            "load",
            "poisson(10/s)",
            "poisson(R/s) | constant(R/s) | ramp(A/s..B/s) | steps(S/s,+I/s,xN,D) | spike(B/s,P/s,at=T,for=D) | concurrency(N)"),
    DURATION("duration", "60s", "measured run length after warm-up (sweep: ignored, steps set it)"),
    WARMUP(
            "warmup",
            "5s",
            "load before the measurement window; recorded, excluded from the summary"),
    GRACE("grace", "10s", "after the last arrival, how long in-flight requests may finish"),
    TIMEOUT_FIRST_TOKEN("timeout-first-token", "30s", "send to first output token"),
    TIMEOUT_IDLE("timeout-idle", "10s", "longest silence between two stream events"),
    TIMEOUT_TOTAL("timeout-total", "120s", "send to end of response"),
    SLO_TTFT("slo-ttft", "2s", "goodput SLO on ttft_sched (open) or ttft (closed)"),
    SLO_TPOT("slo-tpot", "100ms", "goodput SLO on tpot"),
    SLO_E2E("slo-e2e", "60s", "goodput SLO on e2e_sched"),
    LAG_BUDGET("lag-budget", "5ms", "dispatch-lag p99 above this marks the run invalid"),
    CONNECTIONS(
            "connections",
            "pooled",
            "pooled: keep-alive connections shared by all users (like an SDK client; Gatling's client re-sends once when a pooled connection dies before the response) | per-request: a new connection per request"),
    SEED("seed", "1", "seed for prompt choice and synthetic lengths"),
    OUT("out", "runs", "folder in which the run folder is created"),
    UPSTREAM_URL(
            "upstream-url",
            null,
            "gateway-overhead: the gateway's upstream URL (base-url is the gateway)"),
    INJECTOR_INDEX(
            "injector-index",
            null,
            "this injector's index 0..N-1 when the load is split across N injector processes (default: $JOB_COMPLETION_INDEX, else 0)"),
    INJECTOR_COUNT(
            "injector-count",
            null,
            "number of injector processes sharing the load; each takes every N-th arrival, prompt and closed-model user (default: $TOKENBENCH_INJECTOR_COUNT, else 1)"),
    COMPARE(
            "compare",
            null,
            "model-compare: variants separated by ';', each model[,temperature=T][,max_tokens=N]"),
    MIX(
            "mix",
            MediaMix.DEFAULT,
            "mixed: arrival rate per endpoint class in requests/s, class=R,... (chat, embeddings, images, speech, transcription, video); the schedule is poisson(sum); with --load/--rate the values are weights of that load"),
    SLO_EMBEDDINGS("slo-embeddings", "2s", "mixed: goodput SLO on embeddings e2e_sched"),
    SLO_IMAGES("slo-images", "30s", "mixed: goodput SLO on images e2e_sched (the whole response)"),
    SLO_SPEECH_TTFA(
            "slo-speech-ttfa",
            "2s",
            "mixed: goodput SLO on speech time from t_sched to the first audio chunk"),
    SLO_SPEECH("slo-speech", "60s", "mixed: goodput SLO on speech e2e_sched (last audio chunk)"),
    SLO_TRANSCRIPTION("slo-transcription", "30s", "mixed: goodput SLO on transcription e2e_sched"),
    SLO_VIDEO(
            "slo-video",
            "10m",
            "mixed: goodput SLO on video t_sched to the poll that saw the job completed"),
    TIMEOUT_VIDEO(
            "timeout-video",
            "15m",
            "mixed: a video job not completed and downloaded by then is abandoned (timeout_idle)");

    private final String key;
    private final String defaultValue;
    private final String help;

    Parameter(String key, String defaultValue, String help) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.help = help;
    }

    /** The name on the command line (without dashes) and as a system property. */
    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String help() {
        return help;
    }

    /** The parameter named {@code key}, or null. */
    public static Parameter byKey(String key) {
        for (Parameter p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }
}
