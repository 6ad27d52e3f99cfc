package io.tokenbench.mock.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The media latency formulas of ENDPOINTS.md, the seeded draws and the header overrides, without
 * sockets.
 */
class MediaPlanTest {

    private static final long MS = 1_000_000L;

    private static MediaBehavior media(MediaBehavior.Field field, String dist) {
        return MediaBehavior.NO_LATENCY.with(field, field.parse(dist));
    }

    private static MediaPlan plan(long seed, MediaBehavior media) {
        return MediaPlan.draw(
                seed, media, FaultSettings.NONE, RequestOverrides.NONE, MediaOverrides.NONE);
    }

    private static MediaPlan plan(MediaBehavior media, Map<String, String> headers) {
        return MediaPlan.draw(
                7,
                media,
                FaultSettings.NONE,
                RequestOverrides.parse(headers::get),
                MediaOverrides.parse(headers::get));
    }

    @Test
    void embeddingsWaitTheLatencyPlusTheItemLatencyPerInput() {
        MediaBehavior media =
                media(MediaBehavior.Field.EMBEDDINGS_LATENCY, "30ms")
                        .with(
                                MediaBehavior.Field.EMBEDDINGS_ITEM_LATENCY,
                                DistParser.durations("2ms"));
        assertThat(plan(1, media).embeddingsDelayNanos(10)).isEqualTo(50 * MS);
        assertThat(plan(1, media).embeddingsDelayNanos(1)).isEqualTo(32 * MS);
    }

    @Test
    void imagesWaitTheSumOfOneDrawPerImage() {
        MediaBehavior constant = media(MediaBehavior.Field.IMAGE_LATENCY, "1500ms");
        assertThat(plan(1, constant).imagesDelayNanos(3)).isEqualTo(4500 * MS);
        MediaBehavior uniform = media(MediaBehavior.Field.IMAGE_LATENCY, "uniform(1s,2s)");
        long four = plan(5, uniform).imagesDelayNanos(4);
        assertThat(four).isBetween(4000 * MS, 8000 * MS);
        assertThat(four % (4000 * MS)).as("not one draw times four").isNotZero();
    }

    @Test
    void transcriptionTakesAudioSecondsOverTheRealTimeFactor() {
        assertThat(
                        plan(1, media(MediaBehavior.Field.TRANSCRIPTION_RTF, "20"))
                                .transcriptionDelayNanos(60))
                .as("a 60 s upload at 20x")
                .isEqualTo(3000 * MS);
        assertThat(
                        plan(1, media(MediaBehavior.Field.TRANSCRIPTION_RTF, "0"))
                                .transcriptionDelayNanos(60))
                .as("a factor of 0 means no processing time")
                .isZero();
    }

    @Test
    void speechChunksArePacedAtTheRealTimeFactorAfterTheTtfa() {
        MediaBehavior media =
                media(MediaBehavior.Field.SPEECH_TTFA, "200ms")
                        .with(MediaBehavior.Field.SPEECH_RTF, DistParser.counts("10"));
        MediaPlan plan = plan(1, media);
        assertThat(plan.speechTtfaNanos()).isEqualTo(200 * MS);
        assertThat(plan.speechGapsNanos(new double[] {0.25, 0.25, 0.1}))
                .containsExactly(0, 25 * MS, 25 * MS);
        assertThat(
                        plan(1, media(MediaBehavior.Field.SPEECH_RTF, "0"))
                                .speechGapsNanos(new double[] {0.25, 0.25}))
                .containsExactly(0, 0);
    }

    @Test
    void videoPhasesAreTheQueueThenRenderTimesPerVideoSecond() {
        MediaBehavior media = MediaBehavior.DEFAULT;
        assertThat(plan(1, media).videoPhasesNanos(12)).containsExactly(5_000 * MS, 120_000 * MS);
    }

    @Test
    void videoSubmissionsAreAcceptedAfterTheAcceptDelayAndZeroLatencyHasNone() {
        assertThat(plan(1, MediaBehavior.DEFAULT).videoAcceptNanos())
                .as("default")
                .isEqualTo(300 * MS);
        assertThat(plan(1, media(MediaBehavior.Field.VIDEO_ACCEPT, "1.5s")).videoAcceptNanos())
                .isEqualTo(1500 * MS);
        assertThat(plan(1, MediaBehavior.NO_LATENCY).videoAcceptNanos()).isZero();
        assertThat(MediaBehavior.NO_LATENCY.videoQueue())
                .as("job time is kept")
                .isEqualTo(MediaBehavior.DEFAULT.videoQueue());
        MediaBehavior older =
                new MediaBehavior(
                        MediaBehavior.NO_LATENCY.embeddingsLatency(),
                        MediaBehavior.NO_LATENCY.embeddingsItemLatency(),
                        MediaBehavior.NO_LATENCY.imageLatency(),
                        MediaBehavior.NO_LATENCY.transcriptionRtf(),
                        MediaBehavior.NO_LATENCY.speechTtfa(),
                        MediaBehavior.NO_LATENCY.speechRtf(),
                        MediaBehavior.NO_LATENCY.videoQueue(),
                        MediaBehavior.NO_LATENCY.videoRenderPerSecond());
        assertThat(older.videoAccept())
                .as("the eight-field constructor takes the default")
                .isEqualTo(MediaBehavior.DEFAULT.videoAccept());
    }

    @Test
    void headersReplaceTheDraws() {
        MediaBehavior media = MediaBehavior.DEFAULT;
        MediaPlan plan =
                plan(
                        media,
                        Map.of(
                                "x-mock-latency-ms",
                                "12.5",
                                "x-mock-itl-ms",
                                "40",
                                "x-mock-job-ms",
                                "4000"));
        assertThat(plan.embeddingsDelayNanos(100)).isEqualTo(12_500_000L);
        assertThat(plan.imagesDelayNanos(4))
                .as("the whole delay, not per image")
                .isEqualTo(12_500_000L);
        assertThat(plan.transcriptionDelayNanos(60)).isEqualTo(12_500_000L);
        assertThat(plan.speechTtfaNanos()).isEqualTo(12_500_000L);
        assertThat(plan.speechGapsNanos(new double[] {0.25, 0.25, 0.25}))
                .containsExactly(0, 40 * MS, 40 * MS);
        assertThat(plan.videoPhasesNanos(12)).containsExactly(1000 * MS, 3000 * MS);
        assertThat(plan.videoAcceptNanos())
                .as("x-mock-latency-ms is the submit -> accepted delay")
                .isEqualTo(12_500_000L);
        assertThatThrownBy(() -> MediaOverrides.parse(Map.of("x-mock-latency-ms", "soon")::get))
                .isInstanceOf(RequestOverrides.BadOverrideException.class)
                .hasMessageContaining("x-mock-latency-ms");
        assertThatThrownBy(() -> MediaOverrides.parse(Map.of("x-mock-job-ms", "-1")::get))
                .isInstanceOf(RequestOverrides.BadOverrideException.class)
                .hasMessageContaining("x-mock-job-ms");
    }

    @Test
    void theSameSeedGivesTheSameDelaysAndAnotherSeedOthers() {
        MediaBehavior media =
                media(MediaBehavior.Field.IMAGE_LATENCY, "lognormal(1s,0.5)")
                        .with(
                                MediaBehavior.Field.SPEECH_TTFA,
                                DistParser.durations("uniform(100ms,300ms)"));
        assertThat(plan(42, media).imagesDelayNanos(2))
                .isEqualTo(plan(42, media).imagesDelayNanos(2));
        assertThat(plan(42, media).speechTtfaNanos()).isEqualTo(plan(42, media).speechTtfaNanos());
        assertThat(plan(42, media).imagesDelayNanos(2))
                .isNotEqualTo(plan(43, media).imagesDelayNanos(2));
    }

    @Test
    void faultsComeFromTheHeaderOrTheSeededDrawAndSpareLaterAttempts() {
        FaultSettings always =
                new FaultSettings(
                        List.of(new FaultSettings.Weighted(FaultSpec.of(Fault.HTTP_503), 1.0)));
        MediaPlan drawn =
                MediaPlan.draw(
                        1,
                        MediaBehavior.DEFAULT,
                        always,
                        RequestOverrides.NONE,
                        MediaOverrides.NONE);
        assertThat(drawn.fault()).contains(FaultSpec.of(Fault.HTTP_503));
        MediaPlan none =
                MediaPlan.draw(
                        1,
                        MediaBehavior.DEFAULT,
                        always,
                        RequestOverrides.parse(Map.of("x-mock-fault", "none")::get),
                        MediaOverrides.NONE);
        assertThat(none.fault()).isEmpty();
        MediaPlan header =
                MediaPlan.draw(
                        1,
                        MediaBehavior.DEFAULT,
                        FaultSettings.NONE,
                        RequestOverrides.parse(Map.of("x-mock-fault", "stall:300ms")::get),
                        MediaOverrides.NONE);
        assertThat(header.fault()).contains(new FaultSpec(Fault.STALL, 300 * MS));
        MediaPlan retried =
                MediaPlan.draw(
                        1,
                        MediaBehavior.DEFAULT,
                        always,
                        RequestOverrides.parse(
                                Map.of(
                                                "x-mock-fault",
                                                "http_429",
                                                "x-mock-fault-attempts",
                                                "1",
                                                "x-stainless-retry-count",
                                                "1")
                                        ::get),
                        MediaOverrides.NONE);
        assertThat(retried.fault()).as("the retry is spared").isEmpty();
        assertThat(drawn.withoutFault().fault()).isEmpty();
    }

    @Test
    void mediaFieldsParseByKindAndRejectTheOther() {
        assertThat(
                        MediaBehavior.Field.SPEECH_RTF
                                .parse("normal(10,2)")
                                .sample(new java.util.SplittableRandom(1)))
                .isBetween(4.0, 16.0);
        assertThatThrownBy(() -> MediaBehavior.Field.SPEECH_RTF.parse("10ms"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaBehavior.Field.SPEECH_TTFA.parse("10"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MediaBehavior.Field.byOption("--image-latency"))
                .contains(MediaBehavior.Field.IMAGE_LATENCY);
        assertThat(MediaBehavior.Field.byJsonName("video_render"))
                .contains(MediaBehavior.Field.VIDEO_RENDER);
        assertThat(MediaBehavior.Field.byOption("--video-accept"))
                .contains(MediaBehavior.Field.VIDEO_ACCEPT);
        assertThat(MediaBehavior.Field.byJsonName("video_accept"))
                .contains(MediaBehavior.Field.VIDEO_ACCEPT);
        assertThatThrownBy(() -> MediaBehavior.Field.VIDEO_ACCEPT.parse("300"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
