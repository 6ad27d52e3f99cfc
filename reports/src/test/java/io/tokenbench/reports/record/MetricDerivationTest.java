package io.tokenbench.reports.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricDerivationTest {

    /**
     * A streamed chat answer with one reasoning event then three content events, all in
     * microseconds: sched 1000, send 3000, headers 10000, events 50000 (reasoning), 60000, 75000,
     * 95000, done 100000, usage 4 completion tokens.
     */
    private static RequestTimeline.Builder reasoningChat() {
        return RequestTimeline.builder(EndpointClass.CHAT)
                .sched(1_000)
                .send(3_000)
                .headers(10_000)
                .outputEvents(50_000, 60_000, 75_000, 95_000)
                .firstContent(60_000)
                .done(100_000)
                .usage(12, 4);
    }

    @Test
    void chatMetricsFollowTheFormulasOfMetricsMd() {
        CollectingSink sink = new CollectingSink();
        MetricDerivation.derive(reasoningChat().build(), sink);

        assertThat(sink.of(Metric.DISPATCH_LAG)).containsExactly(2_000L); // 3000 - 1000
        assertThat(sink.of(Metric.TTFB)).containsExactly(7_000L); // 10000 - 3000
        assertThat(sink.of(Metric.TTFT)).containsExactly(47_000L); // 50000 - 3000
        assertThat(sink.of(Metric.TTFT_SCHED)).containsExactly(49_000L); // 50000 - 1000
        assertThat(sink.of(Metric.TTFC)).containsExactly(57_000L); // 60000 - 3000
        assertThat(sink.of(Metric.E2E)).containsExactly(92_000L); // 95000 - 3000
        assertThat(sink.of(Metric.E2E_SCHED)).containsExactly(94_000L); // 95000 - 1000
        assertThat(sink.of(Metric.STREAM_TAIL)).containsExactly(5_000L); // 100000 - 95000
        assertThat(sink.of(Metric.ITL)).containsExactly(10_000L, 15_000L, 20_000L); // gaps k >= 2
        assertThat(sink.of(Metric.TPOT)).containsExactly(15_000L); // (95000 - 50000) / (4 - 1)
        // 1 / 15000 ns = 66666.67 tokens/s = 66666667 milli-tokens/s
        assertThat(sink.of(Metric.DECODE_RATE)).containsExactly(66_666_667L);
        assertThat(sink.samples.keySet())
                .doesNotContain(Metric.TTFA, Metric.IMAGE_E2E, Metric.VIDEO_POLLS);
    }

    @Test
    void tpotUsesServerUsageNotEventCountAndNeedsTwoTokens() {
        // 4 events but the server says 10 tokens: (95000 - 50000) / 9 = 5000
        assertThat(MetricDerivation.tpotNanos(reasoningChat().usage(12, 10).build()))
                .isEqualTo(5_000L);
        assertThat(MetricDerivation.tpotNanos(reasoningChat().usage(12, 1).build()))
                .isEqualTo(MetricDerivation.NOT_APPLICABLE);
        CollectingSink sink = new CollectingSink();
        MetricDerivation.derive(reasoningChat().usage(12, 1).build(), sink);
        assertThat(sink.of(Metric.TPOT)).isEmpty();
        assertThat(sink.of(Metric.DECODE_RATE)).isEmpty();
    }

    @Test
    void withoutUsageTheClientCountIsUsedAndMismatchIsFlagged() {
        RequestTimeline noUsage =
                reasoningChat()
                        .usage(RequestTimeline.UNKNOWN, RequestTimeline.UNKNOWN)
                        .clientCountedTokens(7)
                        .outcome(Outcome.USAGE_MISSING)
                        .build();
        assertThat(noUsage.outputTokens()).isEqualTo(7);
        assertThat(MetricDerivation.tpotNanos(noUsage)).isEqualTo(7_500L); // 45000 / 6
        assertThat(noUsage.tokenMismatch()).isFalse();
        assertThat(reasoningChat().clientCountedTokens(5).build().tokenMismatch()).isTrue();
        assertThat(reasoningChat().clientCountedTokens(4).build().tokenMismatch()).isFalse();
    }

    @Test
    void failedRequestsOnlyYieldDispatchLag() {
        CollectingSink sink = new CollectingSink();
        MetricDerivation.derive(reasoningChat().outcome(Outcome.HTTP_5XX).build(), sink);
        assertThat(sink.samples).containsOnlyKeys(Metric.DISPATCH_LAG);
        assertThat(sink.of(Metric.DISPATCH_LAG)).containsExactly(2_000L);
    }

    @Test
    void closedModelSchedIsSendAndNegativeDifferencesBecomeZero() {
        RequestTimeline closed =
                RequestTimeline.builder(EndpointClass.CHAT)
                        .send(100)
                        .outputEvents(90, 300)
                        .done(310)
                        .usage(1, 2)
                        .build();
        CollectingSink sink = new CollectingSink();
        MetricDerivation.derive(closed, sink);
        assertThat(sink.of(Metric.DISPATCH_LAG)).containsExactly(0L);
        assertThat(sink.of(Metric.TTFT)).containsExactly(0L); // 90 - 100 clamps to 0
        assertThat(sink.of(Metric.TTFT_SCHED)).containsExactly(0L);
        assertThat(sink.of(Metric.TTFB)).isEmpty(); // no header time given
        assertThat(sink.of(Metric.TTFC)).isEmpty();
        assertThat(sink.of(Metric.TPOT)).containsExactly(210L); // (300 - 90) / 1
    }

    @Test
    void otherEndpoints() {
        CollectingSink images = new CollectingSink();
        MetricDerivation.derive(
                RequestTimeline.builder(EndpointClass.IMAGES)
                        .sched(0)
                        .send(0)
                        .headers(900)
                        .done(3_000)
                        .images(4)
                        .build(),
                images);
        assertThat(images.of(Metric.E2E)).containsExactly(3_000L); // no t_last: t_done - t_send
        assertThat(images.of(Metric.IMAGE_E2E)).containsExactly(750L); // 3000 / 4
        assertThat(images.of(Metric.TTFB)).containsExactly(900L);
        assertThat(images.of(Metric.TTFT)).isEmpty();

        CollectingSink transcription = new CollectingSink();
        MetricDerivation.derive(
                RequestTimeline.builder(EndpointClass.TRANSCRIPTION)
                        .send(0)
                        .done(Duration.ofSeconds(2).toNanos())
                        .audioNanos(Duration.ofSeconds(30).toNanos())
                        .build(),
                transcription);
        assertThat(transcription.of(Metric.TRANSCRIPTION_RTF))
                .containsExactly(15_000L); // 30 s / 2 s = 15.000

        CollectingSink speech = new CollectingSink();
        MetricDerivation.derive(
                RequestTimeline.builder(EndpointClass.SPEECH)
                        .send(0)
                        .outputEvents(400, 500, 700)
                        .done(720)
                        .build(),
                speech);
        assertThat(speech.of(Metric.TTFA)).containsExactly(400L);
        assertThat(speech.of(Metric.ITL)).containsExactly(100L, 200L);
        assertThat(speech.of(Metric.STREAM_TAIL)).containsExactly(20L);
        assertThat(speech.of(Metric.TTFT)).isEmpty();
        assertThat(speech.of(Metric.TPOT)).isEmpty();

        CollectingSink embeddings = new CollectingSink();
        MetricDerivation.derive(
                RequestTimeline.builder(EndpointClass.EMBEDDINGS)
                        .sched(-50)
                        .send(0)
                        .headers(30)
                        .done(40)
                        .build(),
                embeddings);
        assertThat(embeddings.samples)
                .containsOnlyKeys(Metric.DISPATCH_LAG, Metric.TTFB, Metric.E2E, Metric.E2E_SCHED);
        assertThat(embeddings.of(Metric.E2E_SCHED)).containsExactly(90L);

        CollectingSink video = new CollectingSink();
        MetricDerivation.derive(new JobTimeline(0, 10, 60, 1_060, 9_060, 5, Outcome.OK, 0), video);
        assertThat(video.of(Metric.DISPATCH_LAG)).containsExactly(10L);
        assertThat(video.of(Metric.VIDEO_ACCEPT)).containsExactly(50L);
        assertThat(video.of(Metric.VIDEO_QUEUE)).containsExactly(1_000L);
        assertThat(video.of(Metric.VIDEO_COMPLETE)).containsExactly(9_050L);
        assertThat(video.of(Metric.VIDEO_POLLS)).containsExactly(5L);
    }

    @Test
    void goodputNeedsSuccessAndEveryBound() {
        RequestTimeline t =
                reasoningChat().build(); // ttft_sched 49000, tpot 15000, e2e_sched 94000
        assertThat(Slo.NONE.isGood(t)).isTrue();
        assertThat(new Slo(49_000, 15_000, 94_000).isGood(t)).isTrue(); // bounds are inclusive
        assertThat(new Slo(48_999, Slo.UNBOUNDED, Slo.UNBOUNDED).isGood(t)).isFalse();
        assertThat(new Slo(Slo.UNBOUNDED, 14_999, Slo.UNBOUNDED).isGood(t)).isFalse();
        assertThat(new Slo(Slo.UNBOUNDED, Slo.UNBOUNDED, 93_999).isGood(t)).isFalse();
        assertThat(Slo.NONE.isGood(reasoningChat().outcome(Outcome.TIMEOUT_IDLE).build()))
                .isFalse();
        // one token: no tpot, so a tpot bound does not apply
        assertThat(
                        new Slo(Slo.UNBOUNDED, 1, Slo.UNBOUNDED)
                                .isGood(reasoningChat().usage(1, 1).build()))
                .isTrue();
    }

    @Test
    void everyMetricOfMetricsMdHasAWireNameAndEveryOutcomeToo() {
        assertThat(List.of(Metric.values()).stream().map(Metric::wireName))
                .contains(
                        "ttft",
                        "ttft_sched",
                        "ttfc",
                        "ttfb",
                        "e2e",
                        "e2e_sched",
                        "stream_tail",
                        "itl",
                        "tpot",
                        "decode_rate",
                        "dispatch_lag");
        assertThat(List.of(Outcome.values()).stream().map(Outcome::wireName))
                .containsExactly(
                        "ok",
                        "http_4xx",
                        "http_429",
                        "http_5xx",
                        "connect_failed",
                        "connection_lost",
                        "timeout_first_token",
                        "timeout_idle",
                        "stream_error_event",
                        "stream_truncated",
                        "protocol_error",
                        "usage_missing",
                        "cancelled");
        assertThat(Metric.fromWireName("ttft_sched")).contains(Metric.TTFT_SCHED);
        assertThat(Metric.fromWireName("TTFT")).isEmpty();
    }
}
