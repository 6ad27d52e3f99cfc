package io.tokenbench.mock.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.MediaFixture;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The submit → accepted delay of video submissions over real sockets, timed one-sided (elapsed ≥
 * the modelled delay): {@code video_accept} from the latency model, {@code x-mock-latency-ms} on
 * both route styles, and {@code PUT /admin/config} {@code media.video_accept}.
 */
@ExtendWith(NoLeaks.class)
class VideoAcceptTest {

    private static final long MS = 1_000_000L;
    private static final String VIDEO = "{\"prompt\":\"a kite\",\"seconds\":\"4\"}";
    private static MediaFixture fixture;

    @BeforeAll
    static void start() {
        MediaBehavior media =
                MediaBehavior.NO_LATENCY.with(
                        MediaBehavior.Field.VIDEO_ACCEPT, DistParser.durations("250ms"));
        fixture = new MediaFixture(MockConfig.defaults(), Behavior.ZERO_LATENCY.withMedia(media));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static HttpResponse<byte[]> post(String path, String json, String... headers) {
        return fixture.sendWithHeaders(
                "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static HttpResponse<byte[]> config(String method, String json) {
        return fixture.send(
                method,
                "/admin/config",
                json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                fixture.mock.adminToken());
    }

    @Test
    void anOpenAiSubmissionTakesAtLeastTheAcceptDelay() throws IOException {
        long start = System.nanoTime();
        HttpResponse<byte[]> accepted = post("/v1/videos", VIDEO);
        long elapsed = System.nanoTime() - start;
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JsonBody.JSON.readTree(accepted.body()).get("status").asText())
                .isEqualTo("queued");
        assertThat(elapsed).isGreaterThanOrEqualTo(250 * MS);
    }

    @Test
    void theLatencyHeaderSetsTheDelayOfAKlingSubmission() throws IOException {
        long start = System.nanoTime();
        HttpResponse<byte[]> accepted =
                post(
                        "/kling/v1/videos/text2video",
                        "{\"prompt\":\"a kite\"}",
                        "x-mock-latency-ms",
                        "400");
        long elapsed = System.nanoTime() - start;
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JsonBody.JSON.readTree(accepted.body()).get("data").get("task_status").asText())
                .isEqualTo("submitted");
        assertThat(elapsed).isGreaterThanOrEqualTo(400 * MS);
    }

    @Test
    void theAcceptDelayIsChangeableAtRunTimeAndABadValueIsNamed() throws IOException {
        try {
            HttpResponse<byte[]> changed =
                    config("PUT", "{\"media\":{\"video_accept\":\"600ms\"}}");
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(
                            JsonBody.JSON
                                    .readTree(changed.body())
                                    .get("media")
                                    .get("video_accept")
                                    .asText())
                    .isEqualTo("600ms");
            long start = System.nanoTime();
            assertThat(post("/v1/videos", VIDEO).statusCode()).isEqualTo(200);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(600 * MS);

            HttpResponse<byte[]> bad = config("PUT", "{\"media\":{\"video_accept\":\"600\"}}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(MediaFixture.error(bad).get("param").asText())
                    .isEqualTo("media.video_accept");
            JsonNode after = JsonBody.JSON.readTree(config("GET", null).body()).get("media");
            assertThat(after.get("video_accept").asText())
                    .as("a bad patch changes nothing")
                    .isEqualTo("600ms");
        } finally {
            assertThat(config("PUT", "{\"media\":{\"video_accept\":\"250ms\"}}").statusCode())
                    .isEqualTo(200);
        }
    }
}
