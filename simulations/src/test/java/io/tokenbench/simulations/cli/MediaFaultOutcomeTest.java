package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.reports.model.ClassSummary;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.scenarios.Recipes;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mixed runs of the five media classes against the in-process mock with one fault requested on
 * every call ({@code x-mock-fault}, sent with each call's request; a video job's polls and download
 * go without it): each class must name the outcome the mock's fault table (ENDPOINTS.md, "Faults")
 * implies. A new connection per request (Gatling's client re-sends once on a pooled connection
 * reset); timeouts of 1 s so that a 10 s stall ends as a timeout.
 */
class MediaFaultOutcomeTest {
    static final MediaBehavior FAST =
            new MediaBehavior(
                    DistParser.durations("0ms"),
                    DistParser.durations("0ms"),
                    DistParser.durations("0ms"),
                    DistParser.counts("0"),
                    DistParser.durations("0ms"),
                    DistParser.counts("20"),
                    DistParser.durations("50ms"),
                    DistParser.durations("50ms"));
    static MockUpstream mock;

    @TempDir static Path out;

    @BeforeAll
    static void start() {
        mock =
                MockUpstream.start(
                        MockConfig.defaults()
                                .withPort(0)
                                .withIoThreads(1)
                                .withBehavior(Behavior.DEFAULT.withMedia(FAST)));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    /** What each class's calls end as under {@code fault}. */
    static Map<EndpointClass, Outcome> expected(String fault) {
        Map<EndpointClass, Outcome> m = new EnumMap<>(EndpointClass.class);
        Outcome complete; // embeddings, images, transcription: complete bodies
        Outcome speech;
        Outcome video;
        switch (fault) {
            case "http_429" -> {
                complete = Outcome.HTTP_429;
                speech = Outcome.HTTP_429;
                video = Outcome.HTTP_429;
            }
            case "http_503" -> {
                complete = Outcome.HTTP_5XX;
                speech = Outcome.HTTP_5XX;
                video = Outcome.HTTP_5XX;
            }
            case "connect_reset" -> {
                // the mock read the request, then reset: the request was sent
                complete = Outcome.CONNECTION_LOST;
                speech = Outcome.CONNECTION_LOST;
                video = Outcome.CONNECTION_LOST;
            }
            // head and half the body, then a reset / a reset after some audio chunks / the job
            // fails
            case "stream_reset" -> {
                complete = Outcome.STREAM_TRUNCATED;
                speech = Outcome.STREAM_TRUNCATED;
                video = Outcome.STREAM_ERROR_EVENT;
            }
            // a complete response with its body cut / a cut-off SSE event
            case "protocol_error" -> {
                complete = Outcome.PROTOCOL_ERROR;
                speech = Outcome.PROTOCOL_ERROR;
                video = Outcome.STREAM_ERROR_EVENT;
            }
            // no head for 10 s / silence after the first audio chunk
            case "stall:10s" -> {
                complete = Outcome.TIMEOUT_FIRST_TOKEN;
                speech = Outcome.TIMEOUT_IDLE;
                video = Outcome.STREAM_ERROR_EVENT;
            }
            // refused (400 invalid_header) where a complete body cannot carry it
            case "stream_error_event" -> {
                complete = Outcome.HTTP_4XX;
                speech = Outcome.STREAM_ERROR_EVENT;
                video = Outcome.STREAM_ERROR_EVENT;
            }
            default -> throw new IllegalArgumentException(fault);
        }
        m.put(EndpointClass.EMBEDDINGS, complete);
        m.put(EndpointClass.IMAGES, complete);
        m.put(EndpointClass.TRANSCRIPTION, complete);
        m.put(EndpointClass.SPEECH, speech);
        m.put(EndpointClass.VIDEO, video);
        return m;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http_429",
                "http_503",
                "connect_reset",
                "stream_reset",
                "protocol_error",
                "stall:10s",
                "stream_error_event"
            })
    void eachClassNamesTheFaultAsTheMockDescribesIt(String fault) throws Exception {
        Path dir = Files.createDirectories(out.resolve(fault.replace(':', '_')));
        RunParameters params =
                MockedRuns.params(
                        mock,
                        dir,
                        "--scenario",
                        "mixed",
                        "--mix",
                        "embeddings=5,images=5,transcription=5,speech=5,video=5",
                        "--duration",
                        "2s",
                        "--warmup",
                        "0s",
                        "--grace",
                        "8s",
                        "--connections",
                        "per-request",
                        "--timeout-first-token",
                        "1s",
                        "--timeout-idle",
                        "1s",
                        "--seed",
                        "11");
        RunPlan plan =
                Recipes.plan(
                        params,
                        URI.create(mock.baseUrl()),
                        ApiKey.forEmbeddedMock("UNSET_VAR", Map.of()),
                        dir,
                        Map.of("x-mock-fault", fault));
        RunSummary s =
                PlanExecution.execute(
                                plan,
                                dir,
                                false,
                                false,
                                new PrintStream(OutputStream.nullOutputStream()))
                        .get(0)
                        .summary();
        assertThat(Thread.currentThread().isInterrupted())
                .as("interrupt flag left on the test thread")
                .isFalse();
        expected(fault)
                .forEach(
                        (endpoint, outcome) -> {
                            ClassSummary c = s.classes().get(endpoint);
                            assertThat(c).as(endpoint.wireName()).isNotNull();
                            assertThat(c.requests().attempted())
                                    .as(endpoint.wireName())
                                    .isGreaterThan(0);
                            assertThat(c.outcomes().get(outcome))
                                    .as(fault + " on " + endpoint.wireName() + ": " + c.outcomes())
                                    .isEqualTo(c.requests().attempted());
                            assertThat(c.requests().good()).isZero();
                        });
        if (fault.equals("http_429")) {
            assertThat(s.retryAfter().count()).isEqualTo(s.requests().attempted());
        }
        assertThat(List.copyOf(s.classes().keySet())).doesNotContain(EndpointClass.CHAT);
    }
}
