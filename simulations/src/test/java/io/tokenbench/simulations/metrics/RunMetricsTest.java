package io.tokenbench.simulations.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.Window;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One run's series: counts by phase and outcome as the recorder counts them, in-flight, latencies
 * in seconds, and what is pending at the end counted as timeout_idle.
 */
class RunMetricsTest {

    private static final long MS = 1_000_000L;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final RunClock clock = new RunClock(1_000L, 0L);
    private final RunMetrics run =
            new RunMetrics(
                    new InjectorMetrics(registry),
                    "20260101T000000Z-streaming",
                    "streaming",
                    "2",
                    clock,
                    new Window(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ZERO));

    private PrometheusText scrape() {
        return PrometheusText.parse(
                ExpositionFormats.init()
                        .getPrometheusTextFormatWriter()
                        .toDebugString(registry.scrape()));
    }

    private static RequestTimeline ok(long schedMs, long... eventsMs) {
        long[] events = new long[eventsMs.length];
        for (int i = 0; i < events.length; i++) {
            events[i] = eventsMs[i] * MS;
        }
        return RequestTimeline.builder(EndpointClass.CHAT)
                .sched(schedMs * MS)
                .send((schedMs + 1) * MS)
                .headers((schedMs + 5) * MS)
                .outputEvents(events)
                .done(eventsMs[eventsMs.length - 1] * MS)
                .usage(10, events.length)
                .outcome(Outcome.OK)
                .build();
    }

    @Test
    void countsByPhaseAndOutcomeAndTheLatenciesInSeconds() {
        run.scheduled(500 * MS, EndpointClass.CHAT); // warm-up
        run.scheduled(2_000 * MS, EndpointClass.CHAT);
        run.scheduled(3_000 * MS, EndpointClass.CHAT);
        run.finished(ok(2_000, 2_101, 2_121, 2_141));
        run.finished(
                RequestTimeline.builder(EndpointClass.CHAT)
                        .sched(3_000 * MS)
                        .send(3_000 * MS)
                        .outcome(Outcome.HTTP_429)
                        .status(429)
                        .build());

        PrometheusText m = scrape();
        Map<String, String> measure = Map.of("phase", "measure", "class", "chat");
        assertThat(m.sum("tokenbench_requests_scheduled_total", measure)).isEqualTo(2);
        assertThat(m.sum("tokenbench_requests_scheduled_total", Map.of("phase", "warmup")))
                .isEqualTo(1);
        assertThat(m.sum("tokenbench_requests_total", Map.of("phase", "measure", "outcome", "ok")))
                .isEqualTo(1);
        assertThat(
                        m.sum(
                                "tokenbench_requests_total",
                                Map.of("phase", "measure", "outcome", "http_429")))
                .isEqualTo(1);
        assertThat(m.sum("tokenbench_requests_in_flight")).isEqualTo(1);
        assertThat(m.sum("tokenbench_output_tokens_total")).isEqualTo(3);
        assertThat(m.sum("tokenbench_input_tokens_total")).isEqualTo(10);
        // ttft = 2101 - 2001 ms = 0.1 s: in the 0.1 bucket, not in the 0.075 one
        assertThat(m.sum("tokenbench_ttft_seconds_count")).isEqualTo(1);
        assertThat(m.sum("tokenbench_ttft_seconds_sum"))
                .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.sum("tokenbench_ttft_seconds_bucket", Map.of("le", "0.1"))).isEqualTo(1);
        assertThat(m.sum("tokenbench_ttft_seconds_bucket", Map.of("le", "0.075"))).isZero();
        // two gaps of 20 ms; tpot = 40 ms / 2
        assertThat(m.sum("tokenbench_itl_seconds_count")).isEqualTo(2);
        assertThat(m.sum("tokenbench_itl_seconds_bucket", Map.of("le", "0.02"))).isEqualTo(2);
        assertThat(m.sum("tokenbench_tpot_seconds_sum"))
                .isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
        // dispatch lag for both sent requests, latencies only for the successful one
        assertThat(m.sum("tokenbench_dispatch_lag_seconds_count")).isEqualTo(2);
        assertThat(m.sum("tokenbench_e2e_seconds_count")).isEqualTo(1);
        assertThat(m.sum("tokenbench_run_ended")).isZero();
        assertThat(
                        m.sum(
                                "tokenbench_ttft_seconds_count",
                                Map.of(
                                        "run_id",
                                        "20260101T000000Z-streaming",
                                        "scenario",
                                        "streaming",
                                        "injector",
                                        "2",
                                        "class",
                                        "chat")))
                .isEqualTo(1);
    }

    @Test
    void whatIsPendingAtTheEndCountsAsTimeoutIdleAndLaterCallsAreIgnored() {
        run.scheduled(2_000 * MS, EndpointClass.CHAT);
        run.scheduled(2_500 * MS, EndpointClass.CHAT);
        run.scheduled(2_600 * MS, EndpointClass.EMBEDDINGS);
        run.finished(ok(2_000, 2_101, 2_121));

        run.runEnded();
        run.finished(ok(2_500, 2_601, 2_621));
        run.scheduled(2_700 * MS, EndpointClass.CHAT);

        PrometheusText m = scrape();
        assertThat(m.sum("tokenbench_requests_total", Map.of("outcome", "ok"))).isEqualTo(1);
        assertThat(
                        m.sum(
                                "tokenbench_requests_total",
                                Map.of("outcome", "timeout_idle", "class", "chat")))
                .isEqualTo(1);
        assertThat(
                        m.sum(
                                "tokenbench_requests_total",
                                Map.of("outcome", "timeout_idle", "class", "embeddings")))
                .isEqualTo(1);
        assertThat(m.sum("tokenbench_requests_scheduled_total")).isEqualTo(3);
        assertThat(m.sum("tokenbench_requests_total"))
                .isEqualTo(m.sum("tokenbench_requests_scheduled_total"));
        assertThat(m.sum("tokenbench_requests_in_flight")).isZero();
        assertThat(m.sum("tokenbench_run_ended")).isEqualTo(1);
    }
}
