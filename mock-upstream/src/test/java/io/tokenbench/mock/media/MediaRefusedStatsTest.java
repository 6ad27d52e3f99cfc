package io.tokenbench.mock.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Media bad input is answered before admission and counted as {@code requests_refused} in {@code
 * /admin/stats}, as chat's bad input is; requests the gate admitted are not (over real sockets).
 */
class MediaRefusedStatsTest {

    private static final String EMBED =
            "{\"model\":\"text-embedding-3-small\",\"input\":\"hello\"}";
    private MediaFixture fixture;

    @BeforeEach
    void start() {
        fixture = new MediaFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<byte[]> post(String path, String json, String... headers) {
        return fixture.sendWithHeaders(
                "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    private JsonNode stats() throws IOException {
        HttpResponse<byte[]> response =
                fixture.send("GET", "/admin/stats", null, null, fixture.mock.adminToken());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonBody.JSON.readTree(response.body());
    }

    @Test
    void badInputOnEveryMediaEndpointIsRefusedBeforeAdmission() throws IOException {
        assertThat(post("/v1/embeddings", "{\"model\":\"text-embedding-3-small\"}").statusCode())
                .isEqualTo(400);
        assertThat(post("/v1/embeddings", "{not json").statusCode()).isEqualTo(400);
        assertThat(
                        post("/v1/images/generations", "{\"model\":\"nope\",\"prompt\":\"x\"}")
                                .statusCode())
                .as("unknown model")
                .isEqualTo(404);
        assertThat(
                        post(
                                        "/v1/images/generations",
                                        "{\"model\":\"gpt-image-1\",\"prompt\":\"x\",\"size\":\"7x7\"}")
                                .statusCode())
                .isEqualTo(400);
        assertThat(fixture.send("GET", "/v1/audio/speech", null, null).statusCode())
                .as("wrong method")
                .isEqualTo(405);
        assertThat(post("/v1/audio/shout", "{}").statusCode())
                .as("unknown path in the group")
                .isEqualTo(404);
        assertThat(post("/v1/embeddings", EMBED, "x-mock-fault", "missing_done").statusCode())
                .as("a fault the endpoint does not take")
                .isEqualTo(400);
        assertThat(post("/v1/videos", "{\"model\":\"sora-2\"}").statusCode())
                .as("no prompt")
                .isEqualTo(400);
        assertThat(fixture.send("GET", "/v1/videos/video_unknown", null, null).statusCode())
                .isEqualTo(404);
        assertThat(
                        post("/kling/v1/videos/text2video", "{\"prompt\":\"x\",\"duration\":\"7\"}")
                                .statusCode())
                .isEqualTo(400);

        JsonNode stats = stats();
        assertThat(stats.get("requests_refused").asLong()).isEqualTo(10);
        assertThat(stats.get("requests_admitted").asLong()).isZero();
        assertThat(fixture.gate.admissions).as("none reached the gate").isEmpty();
    }

    @Test
    void admittedRequestsAndGateRejectionsAreNotRefusals() throws IOException {
        assertThat(post("/v1/embeddings", EMBED).statusCode()).isEqualTo(200);
        assertThat(post("/v1/embeddings", EMBED, "x-mock-fault", "http_500").statusCode())
                .as("an injected error is answered after admission")
                .isEqualTo(500);
        assertThat(
                        fixture.send(
                                        "POST",
                                        "/v1/embeddings",
                                        "application/json",
                                        EMBED.getBytes(StandardCharsets.UTF_8),
                                        "sk-wrong")
                                .statusCode())
                .isEqualTo(401);

        JsonNode stats = stats();
        assertThat(stats.get("requests_refused").asLong()).isZero();
        assertThat(stats.get("requests_admitted").asLong()).isEqualTo(2);
        assertThat(stats.get("requests_rejected").asLong()).isEqualTo(1);
    }
}
