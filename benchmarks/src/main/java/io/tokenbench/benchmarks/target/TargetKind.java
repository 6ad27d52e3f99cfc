package io.tokenbench.benchmarks.target;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;

/**
 * The targets of an end-to-end benchmark (a JMH {@code @Param}): the in-process mock with one of
 * two behaviour profiles, or the live base URL of {@link LiveTarget}.
 */
public enum TargetKind {
    /** The mock with no TTFT and no inter-token delay: what is left is client and loopback cost. */
    MOCK_ZERO,
    /**
     * The mock behaving like a fast hosted model: TTFT lognormal(150ms, 0.3), ITL normal(10ms,
     * 3ms).
     */
    MOCK_REALISTIC,
    /** The URL of {@link LiveTarget#BASE_URL_PROPERTY}; nothing is started. */
    LIVE;

    static final String REALISTIC_TTFT = "lognormal(150ms,0.3)";
    static final String REALISTIC_ITL = "normal(10ms,3ms)";

    /** The mock behaviour writing exactly {@code outputTokens} tokens, one per SSE chunk. */
    public Behavior mockBehavior(int outputTokens) {
        Behavior base =
                switch (this) {
                    case MOCK_ZERO -> Behavior.ZERO_LATENCY;
                    case MOCK_REALISTIC ->
                            Behavior.DEFAULT
                                    .withTtft(DistParser.durations(REALISTIC_TTFT))
                                    .withItl(DistParser.durations(REALISTIC_ITL));
                    case LIVE ->
                            throw new IllegalStateException("a live target has no mock behaviour");
                };
        return base.withOutputTokens(DistParser.counts(Integer.toString(outputTokens)))
                .withTokensPerChunk(1);
    }
}
