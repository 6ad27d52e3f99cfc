package io.tokenbench.simulations.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The injector's metric families, registered in one {@link PrometheusRegistry}. Every family is
 * labelled {@code run_id, scenario, injector, class}; the request counters also by {@code phase}
 * (warmup, measure, cooldown: {@code summary.json} counts the measure phase) and {@code outcome}.
 * Latencies are classic histograms in seconds ({@link LatencyBuckets}). Thread-safe.
 */
public final class InjectorMetrics {

    static final String RUN_ID = "run_id";
    static final String SCENARIO = "scenario";
    static final String INJECTOR = "injector";
    static final String CLASS = "class";
    static final String PHASE = "phase";
    static final String OUTCOME = "outcome";

    final Counter scheduled;
    final Counter requests;
    final Gauge inFlight;
    final Counter outputTokens;
    final Counter inputTokens;
    final Histogram ttft;
    final Histogram itl;
    final Histogram tpot;
    final Histogram e2e;
    final Histogram dispatchLag;
    final Gauge runEnded;

    /** Creates the families and registers them in {@code registry}. */
    public InjectorMetrics(PrometheusRegistry registry) {
        scheduled =
                Counter.builder()
                        .name("tokenbench_requests_scheduled_total")
                        .help("Arrivals that became due (offered load)")
                        .labelNames(RUN_ID, SCENARIO, INJECTOR, CLASS, PHASE)
                        .withoutExemplars()
                        .register(registry);
        requests =
                Counter.builder()
                        .name("tokenbench_requests_total")
                        .help(
                                "Finished requests by outcome (achieved load); unfinished at the"
                                        + " end of the run count as timeout_idle, as in"
                                        + " summary.json")
                        .labelNames(RUN_ID, SCENARIO, INJECTOR, CLASS, PHASE, OUTCOME)
                        .withoutExemplars()
                        .register(registry);
        inFlight =
                Gauge.builder()
                        .name("tokenbench_requests_in_flight")
                        .help("Requests due and not finished yet")
                        .labelNames(RUN_ID, SCENARIO, INJECTOR, CLASS)
                        .withoutExemplars()
                        .register(registry);
        outputTokens =
                Counter.builder()
                        .name("tokenbench_output_tokens_total")
                        .help("Output tokens of successful requests (server usage, else counted)")
                        .labelNames(RUN_ID, SCENARIO, INJECTOR, CLASS)
                        .withoutExemplars()
                        .register(registry);
        inputTokens =
                Counter.builder()
                        .name("tokenbench_input_tokens_total")
                        .help("Prompt tokens of successful requests (server usage)")
                        .labelNames(RUN_ID, SCENARIO, INJECTOR, CLASS)
                        .withoutExemplars()
                        .register(registry);
        ttft =
                latency(
                        registry,
                        "ttft",
                        "Time to first token, t_first - t_send",
                        LatencyBuckets.REQUEST_SECONDS);
        itl =
                latency(
                        registry,
                        "itl",
                        "Gaps between output events, one per gap",
                        LatencyBuckets.TOKEN_SECONDS);
        tpot =
                latency(
                        registry,
                        "tpot",
                        "Time per output token after the first",
                        LatencyBuckets.TOKEN_SECONDS);
        e2e =
                latency(
                        registry,
                        "e2e",
                        "End-to-end latency, t_last - t_send",
                        LatencyBuckets.REQUEST_SECONDS);
        dispatchLag =
                latency(
                        registry,
                        "dispatch_lag",
                        "Load generator lateness, t_send - t_sched (every sent request)",
                        LatencyBuckets.LAG_SECONDS);
        runEnded =
                Gauge.builder()
                        .name("tokenbench_run_ended")
                        .help("1 once the run has ended and the values are final, else 0")
                        .labelNames(RUN_ID, SCENARIO, INJECTOR)
                        .withoutExemplars()
                        .register(registry);
    }

    private static Histogram latency(
            PrometheusRegistry registry, String metric, String help, double[] bounds) {
        return Histogram.builder()
                .name("tokenbench_" + metric + "_seconds")
                .help(help + " (successful requests only, except dispatch_lag)")
                .unit(Unit.SECONDS)
                .labelNames(RUN_ID, SCENARIO, INJECTOR, CLASS)
                .classicOnly()
                .classicUpperBounds(bounds)
                .withoutExemplars()
                .register(registry);
    }
}
