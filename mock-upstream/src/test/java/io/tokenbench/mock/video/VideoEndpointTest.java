package io.tokenbench.mock.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.MediaFixture;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Video jobs driven by the official SDK's videos API (multipart create, retrieve, downloadContent)
 * and, for headers, JSON bodies and the Kling routes, the JDK client. The job clock is advanced by
 * hand.
 */
@ExtendWith(NoLeaks.class)
class VideoEndpointTest {

    private static final AtomicReference<Instant> NOW =
            new AtomicReference<>(Instant.ofEpochSecond(1_800_000_000L));
    private static MediaFixture fixture;

    @BeforeAll
    static void start() {
        InstantSource clock = NOW::get;
        fixture = new MediaFixture(MockConfig.defaults().withClock(clock));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static void advance(Duration duration) {
        NOW.updateAndGet(now -> now.plus(duration));
    }

    @Test
    void aTwoMinuteJobIsPolledToCompletionAndDownloadedAsMp4() throws IOException {
        double billedBefore = billedSeconds();
        Video created =
                fixture.sdk
                        .videos()
                        .create(
                                VideoCreateParams.builder()
                                        .prompt("a calm sea")
                                        .model("sora-2")
                                        .seconds(VideoSeconds._12)
                                        .size(VideoSize._1280X720)
                                        .build());
        assertThat(created.status()).isEqualTo(Video.Status.QUEUED);
        assertThat(created.progress()).isZero();
        assertThat(created.completedAt()).isEmpty();
        assertThat(created.seconds()).isEqualTo(VideoSeconds._12);
        Settlement billed = fixture.gate.last();
        assertThat(billed.usage().mediaSeconds()).isEqualTo(12.0);
        assertThat(billed.endpoint()).isEqualTo("/v1/videos");
        assertThatThrownBy(() -> fixture.sdk.videos().downloadContent(created.id()).close())
                .isInstanceOfSatisfying(
                        OpenAIServiceException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(409));

        List<String> seen = new ArrayList<>();
        int polls = 0;
        Video video = created;
        while (!video.status().equals(Video.Status.COMPLETED) && polls < 100) {
            advance(Duration.ofSeconds(5));
            video = fixture.sdk.videos().retrieve(created.id());
            seen.add(video.status().asString() + ":" + video.progress());
            polls++;
        }
        // 5 s queued + 120 s rendering, polled every 5 s.
        assertThat(polls).isEqualTo(25);
        assertThat(seen).contains("in_progress:0", "in_progress:50", "completed:100");
        assertThat(video.completedAt()).contains(created.createdAt() + 125);
        assertThat(video.expiresAt()).isPresent();
        try (HttpResponse content = fixture.sdk.videos().downloadContent(created.id())) {
            assertThat(content.statusCode()).isEqualTo(200);
            assertThat(content.headers().values("content-type")).containsExactly("video/mp4");
            assertValidMp4(content.body().readAllBytes());
        }
        assertThat(billedSeconds() - billedBefore)
                .as("polls and the download are not billed")
                .isEqualTo(12.0);
    }

    /** ISO-BMFF: top-level boxes tile the file exactly; ftyp first, then moov and mdat. */
    static void assertValidMp4(byte[] mp4) {
        List<String> boxes = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(mp4);
        int at = 0;
        while (at < mp4.length) {
            long size = Integer.toUnsignedLong(in.getInt(at));
            boxes.add(new String(mp4, at + 4, 4, StandardCharsets.US_ASCII));
            assertThat(size).isGreaterThanOrEqualTo(8);
            at += (int) size;
        }
        assertThat(at).isEqualTo(mp4.length);
        assertThat(boxes.get(0)).isEqualTo("ftyp");
        assertThat(boxes).contains("moov", "mdat");
    }

    @Test
    void pollsCarryPollAfterAndNullableFieldsAsNull() throws IOException {
        java.net.http.HttpResponse<byte[]> created =
                fixture.postJson("/v1/videos", "{\"prompt\":\"x\",\"seconds\":4}");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode video = JsonBody.JSON.readTree(created.body());
        for (String nullable :
                List.of("completed_at", "expires_at", "remixed_from_video_id", "error")) {
            assertThat(video.has(nullable)).as(nullable).isTrue();
            assertThat(video.get(nullable).isNull()).as(nullable).isTrue();
        }
        assertThat(video.get("seconds").asText()).isEqualTo("4");
        java.net.http.HttpResponse<byte[]> poll =
                fixture.send("GET", "/v1/videos/" + video.get("id").asText(), null, null);
        assertThat(poll.headers().firstValue("openai-poll-after-ms")).contains("1000");
    }

    @Test
    void aResubmissionWithTheSameIdempotencyKeyIsNotBilledTwice() throws IOException {
        String body = "{\"prompt\":\"same\",\"seconds\":\"8\"}";
        double billedBefore = billedSeconds();
        String first =
                JsonBody.JSON
                        .readTree(post("/v1/videos", body, "idem-1").body())
                        .get("id")
                        .asText();
        String again =
                JsonBody.JSON
                        .readTree(post("/v1/videos", body, "idem-1").body())
                        .get("id")
                        .asText();
        String other =
                JsonBody.JSON
                        .readTree(post("/v1/videos", body, "idem-2").body())
                        .get("id")
                        .asText();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(billedSeconds() - billedBefore).isEqualTo(16.0);
    }

    private static java.net.http.HttpResponse<byte[]> post(
            String path, String body, String idempotencyKey) {
        return fixture.sendWithHeaders(
                "POST",
                path,
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                "idempotency-key",
                idempotencyKey);
    }

    private static double billedSeconds() {
        return fixture.gate.settlements.stream().mapToDouble(s -> s.usage().mediaSeconds()).sum();
    }

    @Test
    void anInjectedInResponseFaultFailsTheJobAndRefundsIt() throws IOException {
        java.net.http.HttpResponse<byte[]> created =
                fixture.sendWithHeaders(
                        "POST",
                        "/v1/videos",
                        "application/json",
                        "{\"prompt\":\"doomed\"}".getBytes(StandardCharsets.UTF_8),
                        "x-mock-fault",
                        "stream_error_event");
        String id = JsonBody.JSON.readTree(created.body()).get("id").asText();
        assertThat(fixture.gate.last().usage()).isEqualTo(Settlement.Usage.NONE);
        advance(Duration.ofMinutes(5));
        JsonNode failed =
                JsonBody.JSON.readTree(fixture.send("GET", "/v1/videos/" + id, null, null).body());
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("video_generation_failed");
        assertThat(fixture.send("GET", "/v1/videos/" + id + "/content", null, null).statusCode())
                .isEqualTo(409);
        java.net.http.HttpResponse<byte[]> refused =
                fixture.sendWithHeaders(
                        "POST",
                        "/v1/videos",
                        "application/json",
                        "{\"prompt\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                        "x-mock-fault",
                        "http_503");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(fixture.gate.last().end())
                .isEqualTo(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
    }

    @Test
    void klingTaskRoutesRunTheSameJobs() throws IOException {
        java.net.http.HttpResponse<byte[]> submitted =
                fixture.postJson(
                        KlingVideoRoutes.TEXT2VIDEO,
                        "{\"model_name\":\"kling-v1\",\"prompt\":\"a fox\",\"duration\":\"5\",\"aspect_ratio\":\"9:16\"}");
        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonNode task = JsonBody.JSON.readTree(submitted.body());
        assertThat(task.get("code").asInt()).isZero();
        assertThat(task.at("/data/task_status").asText()).isEqualTo("submitted");
        assertThat(fixture.gate.last().usage().mediaSeconds()).isEqualTo(5.0);
        String id = task.at("/data/task_id").asText();
        advance(Duration.ofSeconds(10));
        assertThat(klingStatus(id).at("/data/task_status").asText()).isEqualTo("processing");
        advance(Duration.ofSeconds(50));
        JsonNode done = klingStatus(id);
        assertThat(done.at("/data/task_status").asText()).isEqualTo("succeed");
        String url = done.at("/data/task_result/videos/0/url").asText();
        assertThat(url).isEqualTo(fixture.mock.baseUrl() + "/v1/videos/" + id + "/content");
        java.net.http.HttpResponse<byte[]> mp4 =
                fixture.send("GET", java.net.URI.create(url).getPath(), null, null);
        assertThat(mp4.statusCode()).isEqualTo(200);
        assertValidMp4(mp4.body());
    }

    private static JsonNode klingStatus(String id) throws IOException {
        return JsonBody.JSON.readTree(
                fixture.send("GET", KlingVideoRoutes.TEXT2VIDEO + "/" + id, null, null).body());
    }

    @Test
    void badInputIs4xx() {
        assertError(fixture.postJson("/v1/videos", "{\"seconds\":\"4\"}"), 400, "prompt");
        assertError(
                fixture.postJson("/v1/videos", "{\"prompt\":\"x\",\"seconds\":\"5\"}"),
                400,
                "seconds");
        assertError(
                fixture.postJson("/v1/videos", "{\"prompt\":\"x\",\"size\":\"640x480\"}"),
                400,
                "size");
        assertError(
                fixture.postJson("/v1/videos", "{\"prompt\":\"x\",\"model\":\"gpt-image-1\"}"),
                400,
                "model");
        assertError(
                fixture.send(
                        "POST", "/v1/videos", "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
                400,
                null);
        assertError(
                fixture.send(
                        "POST",
                        "/v1/videos",
                        "multipart/form-data; boundary=B",
                        "--B\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nx"
                                .getBytes(StandardCharsets.UTF_8)),
                400,
                null);
        assertError(fixture.send("GET", "/v1/videos/video_nope", null, null), 404, null);
        assertError(fixture.send("GET", "/v1/videos/video_nope/content", null, null), 404, null);
        assertError(
                fixture.postJson(
                        KlingVideoRoutes.TEXT2VIDEO, "{\"prompt\":\"x\",\"duration\":\"7\"}"),
                400,
                "duration");
        assertThat(fixture.send("DELETE", "/v1/videos", null, null).statusCode()).isEqualTo(405);
        String id =
                fixture.sdk.videos().create(VideoCreateParams.builder().prompt("x").build()).id();
        assertError(
                fixture.send("GET", "/v1/videos/" + id + "/content?variant=thumbnail", null, null),
                400,
                "variant");
    }

    private static void assertError(
            java.net.http.HttpResponse<byte[]> response, int status, String param) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(MediaFixture.error(response).path("param").textValue()).isEqualTo(param);
        assertThat(MediaFixture.error(response).path("message").asText()).isNotBlank();
    }
}
