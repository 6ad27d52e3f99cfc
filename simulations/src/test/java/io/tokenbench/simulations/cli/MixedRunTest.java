package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.reports.model.ClassSummary;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.scenarios.Recipes;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short mixed run (5 s of load) through Gatling against the in-process mock with known media
 * latencies (embeddings 10 ms, images 100 ms each, transcription at 30x real time, speech first
 * chunk after 50 ms then a 0.25 s chunk every 50 ms, 4 s video jobs queued 100 ms and rendered in
 * 400 ms): every endpoint class records its own metrics, no faster than the mock allows
 * (one-sided), the classes add up to the blend, and video jobs were polled.
 */
class MixedRunTest {
    static final MediaBehavior MEDIA =
            new MediaBehavior(
                    DistParser.durations("10ms"),
                    DistParser.durations("0ms"),
                    DistParser.durations("100ms"),
                    DistParser.counts("30"),
                    DistParser.durations("50ms"),
                    DistParser.counts("5"),
                    DistParser.durations("100ms"),
                    DistParser.durations("100ms"));

    @Test
    void everyEndpointClassIsRecordedAndTheyAddUpToTheBlend(@TempDir Path out) throws Exception {
        Behavior b =
                Behavior.DEFAULT
                        .withTtft(DistParser.durations("20ms"))
                        .withItl(DistParser.durations("2ms"))
                        .withOutputTokens(DistParser.counts("10"))
                        .withMedia(MEDIA);
        try (MockUpstream mock =
                MockUpstream.start(
                        MockConfig.defaults().withPort(0).withIoThreads(1).withBehavior(b))) {
            RunParameters params =
                    MockedRuns.params(
                            mock,
                            out,
                            "--scenario",
                            "mixed",
                            "--mix",
                            "chat=3,embeddings=3,images=2,speech=2,transcription=2,video=2",
                            "--duration",
                            "4s",
                            "--warmup",
                            "1s",
                            "--grace",
                            "5s",
                            "--seed",
                            "3");
            RunPlan plan =
                    Recipes.plan(
                            params,
                            URI.create(mock.baseUrl()),
                            ApiKey.forEmbeddedMock("UNSET_VAR", Map.of()),
                            out,
                            Map.of());
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            List<PlanExecution.LaneResult> results =
                    PlanExecution.execute(
                            plan,
                            out,
                            false,
                            true,
                            new PrintStream(console, true, StandardCharsets.UTF_8));
            assertThat(Thread.currentThread().isInterrupted())
                    .as("interrupt flag left on the test thread")
                    .isFalse();
            assertThat(results).hasSize(1);
            RunSummary s = results.get(0).summary();
            Path dir = results.get(0).runDir();

            assertThat(s.classes().keySet()).containsExactly(EndpointClass.values());
            for (ClassSummary c : s.classes().values()) {
                assertThat(c.requests().attempted()).as(c.endpoint().wireName()).isGreaterThan(0);
                assertThat(c.outcomes().get(Outcome.OK))
                        .as(c.endpoint().wireName() + " ok")
                        .isEqualTo(c.requests().attempted());
                assertThat(c.requests().good())
                        .as(c.endpoint().wireName() + " good")
                        .isGreaterThan(0);
            }
            // the per-class counts add up to the blended row
            assertThat(sum(s, c -> c.requests().attempted())).isEqualTo(s.requests().attempted());
            assertThat(sum(s, c -> c.requests().scheduled())).isEqualTo(s.requests().scheduled());
            assertThat(sum(s, c -> c.requests().good())).isEqualTo(s.requests().good());
            assertThat(sum(s, c -> c.outcomes().get(Outcome.OK)))
                    .isEqualTo(s.outcomes().get(Outcome.OK));

            ClassSummary chat = s.classes().get(EndpointClass.CHAT);
            assertThat(chat.metrics().get("ttft").p50()).isGreaterThanOrEqualTo(20.0);
            assertThat(chat.metrics().get("itl").count())
                    .isEqualTo(9 * chat.metrics().get("ttft").count());
            ClassSummary embeddings = s.classes().get(EndpointClass.EMBEDDINGS);
            assertThat(embeddings.metrics().get("e2e").count())
                    .isEqualTo(embeddings.requests().attempted());
            assertThat(embeddings.metrics().get("e2e").p50()).isGreaterThanOrEqualTo(10.0);
            ClassSummary images = s.classes().get(EndpointClass.IMAGES);
            assertThat(images.metrics().get("image_e2e").count())
                    .isEqualTo(images.requests().attempted());
            assertThat(images.metrics().get("image_e2e").p50()).isGreaterThanOrEqualTo(100.0);
            ClassSummary speech = s.classes().get(EndpointClass.SPEECH);
            assertThat(speech.metrics().get("ttfa").count())
                    .isEqualTo(speech.requests().attempted());
            assertThat(speech.metrics().get("ttfa").p50()).isGreaterThanOrEqualTo(50.0);
            assertThat(speech.metrics().get("itl").count())
                    .isGreaterThan(0); // gaps between 0.25 s audio chunks
            assertThat(speech.metrics().get("itl").p50())
                    .isGreaterThanOrEqualTo(45.0); // 50 ms apart, read jitter aside
            assertThat(speech.metrics().get("e2e").p50())
                    .isGreaterThanOrEqualTo(speech.metrics().get("ttfa").p50());
            ClassSummary tr = s.classes().get(EndpointClass.TRANSCRIPTION);
            assertThat(tr.metrics().get("transcription_rtf").count())
                    .isEqualTo(tr.requests().attempted());
            // 3 s of audio processed at 30x real time: at least 100 ms, so an RTF of at most 30
            assertThat(tr.metrics().get("e2e").p50()).isGreaterThanOrEqualTo(100.0);
            assertThat(tr.metrics().get("transcription_rtf").p50())
                    .isGreaterThan(0.0)
                    .isLessThanOrEqualTo(30.03);
            ClassSummary video = s.classes().get(EndpointClass.VIDEO);
            assertThat(video.metrics().get("video_polls").count())
                    .isEqualTo(video.requests().attempted());
            assertThat(video.metrics().get("video_polls").p50()).isGreaterThanOrEqualTo(1.0);
            assertThat(video.metrics().get("video_accept").count())
                    .isEqualTo(video.requests().attempted());
            // the mock asks for a poll after 1000 ms (openai-poll-after-ms), so no job completes
            // sooner
            assertThat(video.metrics().get("video_complete").p50()).isGreaterThanOrEqualTo(1000.0);

            // Credits from the mock catalog's media prices: 0.04 per image, 0.0001 per transcribed
            // second (3 s),
            // 0.1 per video second (4 s), 0.00025 per spoken second; classes add up to the blend
            assertThat(images.microCredits()).isEqualTo(40_000 * images.requests().attempted());
            assertThat(tr.microCredits()).isEqualTo(300 * tr.requests().attempted());
            assertThat(video.microCredits()).isEqualTo(400_000 * video.requests().attempted());
            assertThat(speech.microCredits()).isGreaterThan(0);
            assertThat(sum(s, ClassSummary::microCredits)).isEqualTo(s.microCredits());

            assertThat(Files.readString(dir.resolve(RunFolder.RUN_JSON)))
                    .contains("\"slo_by_class\"");
            assertThat(Files.readString(dir.resolve(RunFolder.SUMMARY_JSON)))
                    .contains("\"endpoint_classes\"");
            assertThat(Files.readString(dir.resolve(RunFolder.REPORT_HTML)))
                    .contains("By endpoint class");
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains(
                            "blended (all)",
                            "video.video_polls",
                            "speech.ttfa",
                            "images.image_e2e",
                            "transcription.transcription_rtf");
        }
    }

    private static long sum(RunSummary s, java.util.function.ToLongFunction<ClassSummary> f) {
        return s.classes().values().stream().mapToLong(f).sum();
    }
}
