package io.tokenbench.simulations.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The injector's metric families, collected from the open and ended {@link RunMetrics} of this
 * process at each scrape (a {@link MultiCollector} registered in one {@link PrometheusRegistry};
 * the Prometheus Java client writes the text). Recording a request touches only the run's own
 * lock-free cells; the snapshots, bucket arrays and label sets are built here, once per scrape.
 * Every family is labelled {@code run_id, scenario, injector, class}; the request counters also by
 * {@code phase} (warmup, measure, cooldown: {@code summary.json} counts the measure phase) and
 * {@code outcome}. Latencies are classic histograms in seconds ({@link LatencyBuckets}).
 * Thread-safe.
 */
public final class InjectorMetrics implements MultiCollector {

    static final String RUN_ID = "run_id";
    static final String SCENARIO = "scenario";
    static final String INJECTOR = "injector";
    static final String CLASS = "class";
    static final String PHASE = "phase";
    static final String OUTCOME = "outcome";

    static final MetricMetadata SCHEDULED =
            new MetricMetadata(
                    "tokenbench_requests_scheduled", "Arrivals that became due (offered load)");
    static final MetricMetadata REQUESTS =
            new MetricMetadata(
                    "tokenbench_requests",
                    "Finished requests by outcome (achieved load); unfinished at the end of the"
                            + " run count as timeout_idle, as in summary.json");
    static final MetricMetadata IN_FLIGHT =
            new MetricMetadata(
                    "tokenbench_requests_in_flight", "Requests due and not finished yet");
    static final MetricMetadata OUTPUT_TOKENS =
            new MetricMetadata(
                    "tokenbench_output_tokens",
                    "Output tokens of successful requests (server usage, else counted)");
    static final MetricMetadata INPUT_TOKENS =
            new MetricMetadata(
                    "tokenbench_input_tokens",
                    "Prompt tokens of successful requests (server usage)");
    static final MetricMetadata RUN_ENDED =
            new MetricMetadata(
                    "tokenbench_run_ended",
                    "1 once the run has ended and the values are final, else 0");

    /** The latency families, in the order of {@link RunMetrics}' histogram index. */
    static final List<MetricMetadata> LATENCIES =
            List.of(
                    latency("ttft", "Time to first token, t_first - t_send"),
                    latency("itl", "Gaps between output events, one per gap"),
                    latency("tpot", "Time per output token after the first"),
                    latency("e2e", "End-to-end latency, t_last - t_send"),
                    latency(
                            "dispatch_lag",
                            "Load generator lateness, t_send - t_sched (every sent request)"));

    /** Bucket bounds per latency family, same order. */
    static final List<double[]> LATENCY_BOUNDS =
            List.of(
                    LatencyBuckets.REQUEST_SECONDS,
                    LatencyBuckets.TOKEN_SECONDS,
                    LatencyBuckets.TOKEN_SECONDS,
                    LatencyBuckets.REQUEST_SECONDS,
                    LatencyBuckets.LAG_SECONDS);

    private final List<RunMetrics> runs = new CopyOnWriteArrayList<>();

    /** Creates the families and registers them in {@code registry}. */
    public InjectorMetrics(PrometheusRegistry registry) {
        registry.register(this);
    }

    private static MetricMetadata latency(String metric, String help) {
        return new MetricMetadata(
                "tokenbench_" + metric + "_seconds",
                help + " (successful requests only, except dispatch_lag)",
                Unit.SECONDS);
    }

    /** Exposes {@code run}'s series from now on (for the life of the process, as the runs'). */
    void add(RunMetrics run) {
        runs.add(run);
    }

    @Override
    public MetricSnapshots collect() {
        List<CounterDataPointSnapshot> scheduled = new ArrayList<>();
        List<CounterDataPointSnapshot> requests = new ArrayList<>();
        List<GaugeDataPointSnapshot> inFlight = new ArrayList<>();
        List<CounterDataPointSnapshot> outputTokens = new ArrayList<>();
        List<CounterDataPointSnapshot> inputTokens = new ArrayList<>();
        List<List<HistogramDataPointSnapshot>> latencies = new ArrayList<>();
        for (int i = 0; i < LATENCIES.size(); i++) {
            latencies.add(new ArrayList<>());
        }
        List<GaugeDataPointSnapshot> ended = new ArrayList<>();
        for (RunMetrics run : runs) {
            run.collect(scheduled, requests, inFlight, outputTokens, inputTokens, latencies, ended);
        }
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(new CounterSnapshot(SCHEDULED, scheduled));
        out.add(new CounterSnapshot(REQUESTS, requests));
        out.add(new GaugeSnapshot(IN_FLIGHT, inFlight));
        out.add(new CounterSnapshot(OUTPUT_TOKENS, outputTokens));
        out.add(new CounterSnapshot(INPUT_TOKENS, inputTokens));
        for (int i = 0; i < LATENCIES.size(); i++) {
            out.add(new HistogramSnapshot(LATENCIES.get(i), latencies.get(i)));
        }
        out.add(new GaugeSnapshot(RUN_ENDED, ended));
        return new MetricSnapshots(out);
    }
}
