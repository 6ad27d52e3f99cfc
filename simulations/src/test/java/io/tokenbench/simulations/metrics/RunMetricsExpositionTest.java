package io.tokenbench.simulations.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.Unit;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Metric;
import io.tokenbench.reports.record.MetricDerivation;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.Phase;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The scrape-time families expose exactly what the Prometheus client's own stateful {@code
 * Counter}, {@code Gauge} and classic {@code Histogram} show when fed request by request (the
 * implementation before issue 19 moved the updates off the request path): same names, help, units,
 * label sets, bucket counts, sums, in both the Prometheus text format and OpenMetrics.
 */
class RunMetricsExpositionTest {

    private static final long MS = 1_000_000L;
    private static final String[] LABELS = {"run_id", "scenario", "injector", "class"};
    private static final Window WINDOW =
            new Window(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(2));
    private static final RunClock CLOCK = new RunClock(1_000L, 0L);

    /** The families as the client's stateful metrics, fed per request. */
    private static final class Reference {
        final Counter scheduled;
        final Counter requests;
        final Gauge inFlight;
        final Counter output;
        final Counter input;
        final List<Histogram> latencies;
        final Gauge ended;

        Reference(PrometheusRegistry r) {
            scheduled = counter(r, InjectorMetrics.SCHEDULED, "phase");
            requests = counter(r, InjectorMetrics.REQUESTS, "phase", "outcome");
            inFlight =
                    Gauge.builder()
                            .name(InjectorMetrics.IN_FLIGHT.getName())
                            .help(InjectorMetrics.IN_FLIGHT.getHelp())
                            .labelNames(LABELS)
                            .withoutExemplars()
                            .register(r);
            output = counter(r, InjectorMetrics.OUTPUT_TOKENS);
            input = counter(r, InjectorMetrics.INPUT_TOKENS);
            latencies =
                    List.of(
                            histogram(r, 0),
                            histogram(r, 1),
                            histogram(r, 2),
                            histogram(r, 3),
                            histogram(r, 4));
            ended =
                    Gauge.builder()
                            .name(InjectorMetrics.RUN_ENDED.getName())
                            .help(InjectorMetrics.RUN_ENDED.getHelp())
                            .labelNames("run_id", "scenario", "injector")
                            .withoutExemplars()
                            .register(r);
        }

        static Counter counter(PrometheusRegistry r, MetricMetadata m, String... more) {
            String[] names = Arrays.copyOf(LABELS, LABELS.length + more.length);
            System.arraycopy(more, 0, names, LABELS.length, more.length);
            return Counter.builder()
                    .name(m.getName() + "_total")
                    .help(m.getHelp())
                    .labelNames(names)
                    .withoutExemplars()
                    .register(r);
        }

        static Histogram histogram(PrometheusRegistry r, int index) {
            MetricMetadata m = InjectorMetrics.LATENCIES.get(index);
            return Histogram.builder()
                    .name(m.getName())
                    .help(m.getHelp())
                    .unit(Unit.SECONDS)
                    .labelNames(LABELS)
                    .classicOnly()
                    .classicUpperBounds(InjectorMetrics.LATENCY_BOUNDS.get(index))
                    .withoutExemplars()
                    .register(r);
        }

        /** Creates every series, as RunMetrics did when a run opened. */
        void open() {
            for (EndpointClass c : EndpointClass.values()) {
                String[] l = labels(c);
                for (Phase p : Phase.values()) {
                    scheduled.labelValues(with(l, p.wireName()));
                    for (Outcome o : Outcome.values()) {
                        requests.labelValues(with(l, p.wireName(), o.wireName()));
                    }
                }
                inFlight.labelValues(l);
                output.labelValues(l);
                input.labelValues(l);
                latencies.forEach(h -> h.labelValues(l));
            }
            ended.labelValues("run-1", "streaming", "0").set(0);
        }

        void scheduled(long tSched, EndpointClass c) {
            scheduled.labelValues(with(labels(c), phase(tSched))).inc();
            inFlight.labelValues(labels(c)).inc();
        }

        void finished(RequestTimeline t) {
            String[] l = labels(t.endpoint());
            requests.labelValues(with(l, phase(t.tSchedNanos()), t.outcome().wireName())).inc();
            inFlight.labelValues(l).dec();
            if (t.outcome().isSuccess()) {
                if (t.outputTokens() > 0) {
                    output.labelValues(l).inc(t.outputTokens());
                }
                if (t.promptTokens() > 0) {
                    input.labelValues(l).inc(t.promptTokens());
                }
            }
            MetricDerivation.derive(
                    t,
                    (metric, value) -> {
                        int i =
                                List.of(Metric.TTFT, Metric.ITL, Metric.TPOT, Metric.E2E)
                                        .indexOf(metric);
                        if (metric == Metric.DISPATCH_LAG) {
                            i = 4;
                        }
                        if (i >= 0) {
                            latencies.get(i).labelValues(l).observe(value / 1e9);
                        }
                    });
        }

        static String[] labels(EndpointClass c) {
            return new String[] {"run-1", "streaming", "0", c.wireName()};
        }

        static String[] with(String[] base, String... more) {
            String[] out = Arrays.copyOf(base, base.length + more.length);
            System.arraycopy(more, 0, out, base.length, more.length);
            return out;
        }

        static String phase(long tSched) {
            return WINDOW.phaseOf(CLOCK.sinceStartNanos(tSched)).wireName();
        }
    }

    private static String text(PrometheusRegistry registry, boolean openMetrics)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExpositionFormats formats = ExpositionFormats.init();
        if (openMetrics) {
            formats.getOpenMetricsTextFormatWriter().write(out, registry.scrape());
        } else {
            formats.getPrometheusTextFormatWriter().write(out, registry.scrape());
        }
        // creation timestamps differ by construction time only; sums by float rounding only (the
        // client adds seconds one sample at a time, RunMetrics whole nanoseconds)
        return out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.contains("_created"))
                .map(RunMetricsExpositionTest::roundedSum)
                .collect(Collectors.joining("\n"));
    }

    private static String roundedSum(String line) {
        if (line.startsWith("#") || !line.contains("_sum")) {
            return line;
        }
        int space = line.lastIndexOf(' ');
        double value = Double.parseDouble(line.substring(space + 1));
        return line.substring(0, space) + String.format(" %.6f", value);
    }

    /** A request of {@code c} due at {@code schedMs}: random outcome, latency and stream length. */
    private static RequestTimeline request(Random random, EndpointClass c, long schedMs) {
        long sched = schedMs * MS;
        long send = sched + random.nextInt(3_000_000); // up to 3 ms of dispatch lag
        Outcome outcome =
                random.nextInt(5) == 0
                        ? Outcome.values()[1 + random.nextInt(Outcome.values().length - 1)]
                        : Outcome.OK;
        RequestTimeline.Builder b =
                RequestTimeline.builder(c).sched(sched).send(send).outcome(outcome);
        if (!outcome.isSuccess()) {
            return b.status(outcome == Outcome.HTTP_429 ? 429 : 500).build();
        }
        int events = 1 + random.nextInt(70);
        long[] at = new long[events];
        long t = send + (long) (random.nextDouble() * 2_000) * MS; // ttft up to 2 s
        for (int i = 0; i < events; i++) {
            at[i] = t;
            t += (long) (random.nextExponential() * 20 * MS); // itl around 20 ms
        }
        return b.headers(send + MS)
                .outputEvents(at)
                .done(at[events - 1] + MS)
                .usage(1 + random.nextInt(500), events)
                .build();
    }

    @Test
    void theExpositionEqualsTheClientsStatefulFamiliesFedPerRequest() throws IOException {
        PrometheusRegistry expected = new PrometheusRegistry();
        Reference reference = new Reference(expected);
        reference.open();
        PrometheusRegistry actual = new PrometheusRegistry();
        RunMetrics run =
                new RunMetrics(
                        new InjectorMetrics(actual), "run-1", "streaming", "0", CLOCK, WINDOW);

        Random random = new Random(19);
        EndpointClass[] classes = {EndpointClass.CHAT, EndpointClass.EMBEDDINGS};
        for (int i = 0; i < 2_000; i++) {
            EndpointClass c = classes[random.nextInt(classes.length)];
            long schedMs = 1_000 + random.nextInt(14_000); // warm-up, measure and cool-down
            RequestTimeline t = request(random, c, schedMs);
            reference.scheduled(t.tSchedNanos(), c);
            run.scheduled(t.tSchedNanos(), c);
            if (random.nextInt(10) > 0) { // a tenth stays in flight
                reference.finished(t);
                run.finished(t);
            }
        }

        assertThat(text(actual, false)).isEqualTo(text(expected, false));
        assertThat(text(actual, true)).isEqualTo(text(expected, true));
        assertThat(PrometheusText.parse(text(actual, false)).sum("tokenbench_itl_seconds_count"))
                .as("the run streamed")
                .isGreaterThan(10_000);
    }

    @Test
    void aClosedModelRunNeverShowsANegativeInFlight() {
        PrometheusRegistry registry = new PrometheusRegistry();
        RunMetrics run =
                new RunMetrics(
                        new InjectorMetrics(registry),
                        "run-1",
                        "non-streaming",
                        "0",
                        CLOCK,
                        WINDOW);
        // closed model: no t_sched, so nothing is "scheduled"; requests just finish
        RequestTimeline t =
                RequestTimeline.builder(EndpointClass.CHAT)
                        .send(2_000 * MS)
                        .headers(2_001 * MS)
                        .done(2_002 * MS)
                        .outcome(Outcome.OK)
                        .build();
        run.finished(t);
        run.finished(t);

        PrometheusText m =
                PrometheusText.parse(
                        ExpositionFormats.init()
                                .getPrometheusTextFormatWriter()
                                .toDebugString(registry.scrape()));
        assertThat(m.sum("tokenbench_requests_in_flight")).isZero();
        assertThat(m.sum("tokenbench_requests_total", java.util.Map.of("outcome", "ok")))
                .isEqualTo(2);
    }
}
