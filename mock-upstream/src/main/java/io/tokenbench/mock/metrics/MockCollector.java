package io.tokenbench.mock.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.enforcement.PowerTokensGate;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.KeyStatus;
import io.tokenbench.mock.platform.PlatformState;
import io.tokenbench.mock.stats.ServerStats;
import io.tokenbench.mock.stream.SchedulingLag;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Builds the mock's metric snapshots at scrape time from what it already counts: {@link
 * ServerStats} (the figures of {@code /admin/stats}), the {@link SchedulingLag} histogram, {@link
 * ResponseCounts}, the {@link CountingGate}'s rejections and, with key enforcement on, Credits
 * settled and keys by status. Labels never carry a key, hash, key name or token.
 */
public final class MockCollector implements MultiCollector {

    /** Scheduling-lag bucket upper bounds in seconds: 10 us to 1 s. */
    static final double[] LAG_BOUNDS_SECONDS = {
        0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
        0.05, 0.1, 0.25, 0.5, 1
    };

    private static final double NANOS_PER_SECOND = 1e9;
    private static final double MICRO_PER_CREDIT = 1e6;

    private final ServerStats stats;
    private final SchedulingLag lag;
    private final ResponseCounts responses;
    private final CountingGate gate;

    public MockCollector(
            ServerStats stats, SchedulingLag lag, ResponseCounts responses, CountingGate gate) {
        this.stats = stats;
        this.lag = lag;
        this.responses = responses;
        this.gate = gate;
    }

    @Override
    public MetricSnapshots collect() {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        out.metricSnapshot(responses());
        out.metricSnapshot(
                counter(
                        "tokenbench_mock_requests_received",
                        "Requests received",
                        stats.receivedCount()));
        out.metricSnapshot(
                counter(
                        "tokenbench_mock_requests_refused",
                        "Requests answered with an error before admission (bad input, unknown"
                                + " model, too large)",
                        stats.refusedCount()));
        out.metricSnapshot(
                counter(
                        "tokenbench_mock_admissions",
                        "Requests admitted by the gate",
                        stats.admittedCount()));
        out.metricSnapshot(rejections());
        out.metricSnapshot(settled());
        out.metricSnapshot(faults());
        out.metricSnapshot(
                counter(
                        "tokenbench_mock_back_pressure_pauses",
                        "Streams paused because the client did not read",
                        stats.backPressurePauseCount()));
        out.metricSnapshot(
                gauge(
                        "tokenbench_mock_requests_in_flight",
                        "Admitted requests not settled yet",
                        stats.inFlight()));
        out.metricSnapshot(
                gauge(
                        "tokenbench_mock_streams_in_flight",
                        "Open SSE streams",
                        stats.openStreams()));
        out.metricSnapshot(schedulingLag());
        PlatformState platform = platform(gate.counted());
        if (platform != null) {
            out.metricSnapshot(creditsSettled(platform));
            out.metricSnapshot(keysByStatus(platform));
        }
        return out.build();
    }

    private static PlatformState platform(RequestGate counted) {
        return counted instanceof PowerTokensGate p ? p.platform() : null;
    }

    private CounterSnapshot responses() {
        CounterSnapshot.Builder b =
                CounterSnapshot.builder()
                        .name("tokenbench_mock_responses")
                        .help("Responses sent, by route (path prefix) and HTTP status");
        responses.forEach(
                (route, status, count) ->
                        b.dataPoint(
                                CounterDataPointSnapshot.builder()
                                        .labels(
                                                Labels.of(
                                                        "route",
                                                        route,
                                                        "status",
                                                        Integer.toString(status)))
                                        .value(count)
                                        .build()));
        return b.build();
    }

    private CounterSnapshot rejections() {
        CounterSnapshot.Builder b =
                CounterSnapshot.builder()
                        .name("tokenbench_mock_rejections")
                        .help("Requests rejected by the gate, by reason");
        gate.rejectedByReason()
                .forEach(
                        (reason, count) ->
                                b.dataPoint(
                                        CounterDataPointSnapshot.builder()
                                                .labels(Labels.of("reason", reason))
                                                .value(count)
                                                .build()));
        return b.build();
    }

    private CounterSnapshot settled() {
        CounterSnapshot.Builder b =
                CounterSnapshot.builder()
                        .name("tokenbench_mock_settled")
                        .help("Admitted requests settled, by how they ended");
        for (Settlement.End end : Settlement.End.values()) {
            b.dataPoint(
                    CounterDataPointSnapshot.builder()
                            .labels(Labels.of("end", end.name().toLowerCase(Locale.ROOT)))
                            .value(stats.settledCount(end))
                            .build());
        }
        return b.build();
    }

    private CounterSnapshot faults() {
        CounterSnapshot.Builder b =
                CounterSnapshot.builder()
                        .name("tokenbench_mock_faults_injected")
                        .help("Faults injected, by fault");
        for (Fault fault : Fault.values()) {
            b.dataPoint(
                    CounterDataPointSnapshot.builder()
                            .labels(Labels.of("fault", fault.wireName()))
                            .value(stats.faultCount(fault))
                            .build());
        }
        return b.build();
    }

    /** The lag histogram since start (or the last DELETE /admin/stats), as classic buckets. */
    private HistogramSnapshot schedulingLag() {
        Histogram h = lag.snapshot();
        long[] cumulative = new long[LAG_BOUNDS_SECONDS.length + 1];
        for (int i = 0; i < LAG_BOUNDS_SECONDS.length; i++) {
            long boundNanos = Math.round(LAG_BOUNDS_SECONDS[i] * NANOS_PER_SECOND);
            cumulative[i] = h.getTotalCount() == 0 ? 0 : h.getCountBetweenValues(0, boundNanos);
        }
        cumulative[LAG_BOUNDS_SECONDS.length] = h.getTotalCount();
        double[] bounds = new double[LAG_BOUNDS_SECONDS.length + 1];
        System.arraycopy(LAG_BOUNDS_SECONDS, 0, bounds, 0, LAG_BOUNDS_SECONDS.length);
        bounds[LAG_BOUNDS_SECONDS.length] = Double.POSITIVE_INFINITY;
        long[] perBucket = new long[cumulative.length];
        long previous = 0;
        for (int i = 0; i < cumulative.length; i++) {
            long c = Math.max(previous, Math.min(cumulative[i], h.getTotalCount()));
            perBucket[i] = c - previous;
            previous = c;
        }
        double sumSeconds = h.getTotalCount() * h.getMean() / NANOS_PER_SECOND;
        return HistogramSnapshot.builder()
                .name("tokenbench_mock_scheduling_lag_seconds")
                .unit(Unit.SECONDS)
                .help(
                        "The mock's own timing error: actual minus intended time of each"
                                + " scheduled emission")
                .dataPoint(
                        HistogramDataPointSnapshot.builder()
                                .classicHistogramBuckets(
                                        ClassicHistogramBuckets.of(bounds, perBucket))
                                .sum(sumSeconds)
                                .build())
                .build();
    }

    private static CounterSnapshot creditsSettled(PlatformState platform) {
        long micro = 0;
        for (var totals : platform.stats().perKey().values()) {
            micro += totals.creditsMicro();
        }
        return CounterSnapshot.builder()
                .name("tokenbench_mock_credits_settled")
                .help("Credits charged at settlement, all keys (key enforcement on)")
                .dataPoint(
                        CounterDataPointSnapshot.builder().value(micro / MICRO_PER_CREDIT).build())
                .build();
    }

    private static GaugeSnapshot keysByStatus(PlatformState platform) {
        Map<KeyStatus, Long> counts = new EnumMap<>(KeyStatus.class);
        for (KeyStatus s : KeyStatus.values()) {
            counts.put(s, 0L);
        }
        Instant now = platform.clock().instant();
        long offByOne = platform.profile().expiryOffByOneSeconds();
        for (ApiKey key : platform.keys().list()) {
            counts.merge(key.statusOf(key.state(), now, offByOne), 1L, Long::sum);
        }
        GaugeSnapshot.Builder b =
                GaugeSnapshot.builder()
                        .name("tokenbench_mock_keys")
                        .help("Keys by status, as the admin API shows it (key enforcement on)");
        counts.forEach(
                (status, n) ->
                        b.dataPoint(
                                GaugeDataPointSnapshot.builder()
                                        .labels(Labels.of("status", status.wireName()))
                                        .value(n)
                                        .build()));
        return b.build();
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder()
                .name(name)
                .help(help)
                .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
                .build();
    }

    private static GaugeSnapshot gauge(String name, String help, long value) {
        return GaugeSnapshot.builder()
                .name(name)
                .help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
                .build();
    }
}
