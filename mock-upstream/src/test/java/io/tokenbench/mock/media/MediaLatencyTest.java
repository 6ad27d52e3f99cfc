package io.tokenbench.mock.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.HttpResponse;
import com.openai.models.audio.speech.SpeechCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import io.tokenbench.mock.audio.WavAudio;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The media latency model over real sockets, driven by the official SDK where it has the endpoint.
 * Timing assertions are one-sided only (elapsed >= configured): the machine is shared and noisy.
 */
@ExtendWith(NoLeaks.class)
class MediaLatencyTest {

    private static final long MS = 1_000_000L;

    /** 15 code points: 1 s of speech, four 0.25 s chunks. */
    private static final String ONE_SECOND = "Hello, world...";

    private static final MediaBehavior MEDIA =
            MediaBehavior.NO_LATENCY
                    .with(MediaBehavior.Field.EMBEDDINGS_LATENCY, DistParser.durations("100ms"))
                    .with(MediaBehavior.Field.EMBEDDINGS_ITEM_LATENCY, DistParser.durations("20ms"))
                    .with(MediaBehavior.Field.IMAGE_LATENCY, DistParser.durations("150ms"))
                    .with(MediaBehavior.Field.TRANSCRIPTION_RTF, DistParser.counts("10"))
                    .with(MediaBehavior.Field.SPEECH_TTFA, DistParser.durations("250ms"))
                    .with(MediaBehavior.Field.SPEECH_RTF, DistParser.counts("5"));
    private static MediaFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new MediaFixture(MockConfig.defaults(), Behavior.ZERO_LATENCY.withMedia(MEDIA));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void embeddingsWaitTheLatencyPlusTheItemLatencyPerInput() {
        long start = System.nanoTime();
        CreateEmbeddingResponse response =
                fixture.sdk
                        .embeddings()
                        .create(
                                EmbeddingCreateParams.builder()
                                        .model("text-embedding-3-small")
                                        .inputOfArrayOfStrings(List.of("a", "b", "c", "d", "e"))
                                        .build());
        long elapsed = System.nanoTime() - start;
        assertThat(response.data()).hasSize(5);
        assertThat(elapsed).as("100 ms + 5 x 20 ms").isGreaterThanOrEqualTo(200 * MS);
        assertThat(fixture.gate.last().end()).isEqualTo(Settlement.End.COMPLETED);
        assertThat(fixture.gate.last().usage().promptTokens()).isEqualTo(5);
    }

    @Test
    void twoImagesTakeTwiceThePerImageLatency() {
        long start = System.nanoTime();
        ImagesResponse response =
                fixture.sdk
                        .images()
                        .generate(
                                ImageGenerateParams.builder()
                                        .model("gpt-image-1")
                                        .prompt("two boats")
                                        .n(2)
                                        .size(ImageGenerateParams.Size._256X256)
                                        .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON)
                                        .build());
        long elapsed = System.nanoTime() - start;
        assertThat(response.data().orElseThrow()).hasSize(2);
        assertThat(elapsed).as("2 x 150 ms").isGreaterThanOrEqualTo(300 * MS);
        assertThat(fixture.gate.last().usage().images()).isEqualTo(2);
    }

    @Test
    void transcriptionTakesTheAudioSecondsOverTheRealTimeFactor() throws Exception {
        byte[] wav = WavAudio.wav(WavAudio.pcm(3.0, 1));
        long start = System.nanoTime();
        java.net.http.HttpResponse<byte[]> response =
                fixture.send(
                        "POST",
                        "/v1/audio/transcriptions",
                        "multipart/form-data; boundary=XyZ",
                        form(wav));
        long elapsed = System.nanoTime() - start;
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsed).as("3 s of audio at 10x").isGreaterThanOrEqualTo(300 * MS);
        assertThat(fixture.gate.last().usage().mediaSeconds()).isEqualTo(3.0);
    }

    @Test
    void rawSpeechSendsTheFirstChunkAfterTheTtfaThenPacesTheRest() throws Exception {
        long start = System.nanoTime();
        SpeechCreateParams params =
                SpeechCreateParams.builder()
                        .model("tts-1")
                        .input(ONE_SECOND)
                        .voice("alloy")
                        .responseFormat(SpeechCreateParams.ResponseFormat.PCM)
                        .build();
        try (HttpResponse response = fixture.sdk.audio().speech().create(params)) {
            InputStream body = response.body();
            int first = body.read();
            long firstByte = System.nanoTime() - start;
            byte[] rest = body.readAllBytes();
            long lastByte = System.nanoTime() - start;
            assertThat(first).isNotNegative();
            assertThat(1 + rest.length).as("1 s of 16-bit 24 kHz PCM").isEqualTo(48_000);
            assertThat(response.headers().values("transfer-encoding")).contains("chunked");
            assertThat(firstByte).as("time to first audio chunk").isGreaterThanOrEqualTo(250 * MS);
            assertThat(lastByte)
                    .as("the TTFA, then 3 gaps of 0.25 s / 5")
                    .isGreaterThanOrEqualTo((250 + 150) * MS);
        }
        assertThat(fixture.gate.last().usage().mediaSeconds()).isEqualTo(1.0);
        assertThat(fixture.gate.last().stream()).isTrue();
    }

    @Test
    void sseSpeechSendsTheFirstEventAfterTheTtfaAndHeadersOverrideThePace() throws Exception {
        HttpRequest request =
                fixture.request(
                        "POST",
                        "/v1/audio/speech",
                        "application/json",
                        ("{\"model\":\"tts-1\",\"input\":\""
                                        + ONE_SECOND
                                        + "\",\"voice\":\"alloy\",\"response_format\":\"pcm\","
                                        + "\"stream_format\":\"sse\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        "x-mock-latency-ms",
                        "300",
                        "x-mock-itl-ms",
                        "100");
        long start = System.nanoTime();
        java.net.http.HttpResponse<InputStream> response =
                fixture.http()
                        .send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        long firstEvent = -1;
        long lastEvent = -1;
        int deltas = 0;
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    long at = System.nanoTime() - start;
                    firstEvent = firstEvent < 0 ? at : firstEvent;
                    lastEvent = at;
                    deltas += line.contains("speech.audio.delta") ? 1 : 0;
                }
            }
        }
        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        assertThat(deltas).isEqualTo(4);
        assertThat(firstEvent)
                .as("x-mock-latency-ms is the time to first audio chunk")
                .isGreaterThanOrEqualTo(300 * MS);
        assertThat(lastEvent)
                .as("then x-mock-itl-ms between the 4 chunks")
                .isGreaterThanOrEqualTo((300 + 300) * MS);
    }

    @Test
    void delayedAnswersRecordTheirSchedulingLag() throws Exception {
        long before = lagCount();
        assertThat(
                        fixture.postJson(
                                        "/v1/embeddings",
                                        "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}")
                                .statusCode())
                .isEqualTo(200);
        assertThat(
                        fixture.sendWithHeaders(
                                        "POST",
                                        "/v1/audio/speech",
                                        "application/json",
                                        ("{\"model\":\"tts-1\",\"input\":\""
                                                        + ONE_SECOND
                                                        + "\",\"voice\":\"alloy\"}")
                                                .getBytes(StandardCharsets.UTF_8),
                                        "x-mock-latency-ms",
                                        "10",
                                        "x-mock-itl-ms",
                                        "1")
                                .statusCode())
                .isEqualTo(200);
        assertThat(lagCount())
                .as("one for the embeddings, one per speech chunk")
                .isGreaterThanOrEqualTo(before + 5);
    }

    @Test
    void runtimeConfigChangesTheMediaModelAndRejectsBadFields() throws Exception {
        try (MediaFixture own = new MediaFixture(MockConfig.defaults())) {
            java.net.http.HttpResponse<byte[]> changed =
                    admin(
                            own,
                            "PUT",
                            "{\"media\":{\"embeddings_latency\":\"250ms\",\"image_latency\":\"uniform(1s,2s)\"}}");
            assertThat(changed.statusCode()).isEqualTo(200);
            JsonNode media = JsonBody.JSON.readTree(changed.body()).get("media");
            assertThat(media.get("embeddings_latency").asText()).isEqualTo("250ms");
            assertThat(media.get("image_latency").asText()).isEqualTo("uniform(1s,2s)");
            assertThat(media.get("speech_ttfa").asText()).as("untouched").isEqualTo("0ms");
            long start = System.nanoTime();
            assertThat(
                            own.postJson(
                                            "/v1/embeddings",
                                            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}")
                                    .statusCode())
                    .isEqualTo(200);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(250 * MS);

            java.net.http.HttpResponse<byte[]> bad =
                    admin(
                            own,
                            "PUT",
                            "{\"media\":{\"speech_ttfa\":\"1s\",\"speech_rtf\":\"fast\"}}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(MediaFixture.error(bad).get("param").asText()).isEqualTo("media.speech_rtf");
            java.net.http.HttpResponse<byte[]> unknown =
                    admin(own, "PUT", "{\"media\":{\"colour\":\"1s\"}}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(MediaFixture.error(unknown).get("message").asText())
                    .contains("image_latency");
            JsonNode after = JsonBody.JSON.readTree(admin(own, "GET", null).body()).get("media");
            assertThat(after.get("speech_ttfa").asText())
                    .as("a bad patch changes nothing")
                    .isEqualTo("0ms");
        }
    }

    private static java.net.http.HttpResponse<byte[]> admin(
            MediaFixture own, String method, String json) throws Exception {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(own.mock.baseUrl() + "/admin/config"))
                        .header("authorization", "Bearer " + own.mock.adminToken())
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        return own.http()
                .send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long lagCount() throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(fixture.mock.baseUrl() + "/admin/stats"))
                        .header("authorization", "Bearer " + fixture.mock.adminToken())
                        .GET()
                        .build();
        byte[] body =
                fixture.http()
                        .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                        .body();
        return JsonBody.JSON.readTree(body).get("scheduling_lag_us").get("count").asLong();
    }

    static byte[] form(byte[] wav) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ("--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                                + "Content-Type: audio/wav\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(wav);
        out.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
