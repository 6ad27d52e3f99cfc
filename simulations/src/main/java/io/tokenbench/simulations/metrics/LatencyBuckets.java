package io.tokenbench.simulations.metrics;

/**
 * Classic Prometheus bucket upper bounds, in seconds, for the latencies of LLM traffic: time to
 * first token and end-to-end latency span milliseconds (cache hits, a mock) to minutes (long
 * generations); gaps between tokens span sub-millisecond to seconds; dispatch lag should stay well
 * under a millisecond. Classic buckets (not native histograms) so that any Prometheus, including
 * Debian's, scrapes them without feature flags, and {@code histogram_quantile} works over sums of
 * injectors.
 */
final class LatencyBuckets {

    /** ttft and e2e: 5 ms to 2 min. */
    static final double[] REQUEST_SECONDS = {
        0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10,
        15, 20, 30, 60, 120
    };

    /** itl and tpot: 0.5 ms to 5 s. */
    static final double[] TOKEN_SECONDS = {
        0.0005, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.075,
        0.1, 0.15, 0.2, 0.3, 0.5, 1, 2, 5
    };

    /** dispatch_lag: 50 us to 5 s. */
    static final double[] LAG_SECONDS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
        1, 5
    };

    private LatencyBuckets() {}
}
