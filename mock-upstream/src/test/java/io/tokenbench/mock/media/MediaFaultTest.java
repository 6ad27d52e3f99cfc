package io.tokenbench.mock.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.mock.audio.WavAudio;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chat's faults on every media endpoint (ENDPOINTS.md, "Faults"), over real sockets with zero
 * latency: HTTP errors with their headers, resets before and mid-body, stalls, truncated bodies,
 * in-band SSE errors, failed video jobs, and random faults drawn from the configured probabilities.
 */
@ExtendWith(NoLeaks.class)
class MediaFaultTest {

    private static final long MS = 1_000_000L;
    private static final String EMBED =
            "{\"model\":\"text-embedding-3-small\",\"input\":\"hello\"}";
    private static final String IMAGE =
            "{\"model\":\"gpt-image-1\",\"prompt\":\"a kite\",\"size\":\"256x256\"}";

    /** 1 s of speech: four 0.25 s chunks. */
    private static final String SPEECH =
            "{\"model\":\"tts-1\",\"input\":\"Hello, world...\",\"voice\":\"alloy\","
                    + "\"response_format\":\"pcm\"";

    @RegisterExtension static final MediaFixture fixture = new MediaFixture();

    private static HttpResponse<byte[]> post(String path, String json, String... headers) {
        return fixture.sendWithHeaders(
                "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static HttpResponse<byte[]> transcribe(String... headers) {
        return fixture.sendWithHeaders(
                "POST",
                "/v1/audio/transcriptions",
                "multipart/form-data; boundary=XyZ",
                MediaLatencyTest.form(WavAudio.wav(WavAudio.pcm(2.0, 1))),
                headers);
    }

    @Test
    void http429CarriesTheRetryAndRateLimitHeadersOnEveryEndpoint() {
        List<HttpResponse<byte[]>> limited =
                List.of(
                        post("/v1/embeddings", EMBED, "x-mock-fault", "http_429:2500ms"),
                        post("/v1/images/generations", IMAGE, "x-mock-fault", "http_429:2500ms"),
                        post("/v1/audio/speech", SPEECH + "}", "x-mock-fault", "http_429:2500ms"),
                        transcribe("x-mock-fault", "http_429:2500ms"),
                        post(
                                "/v1/videos",
                                "{\"prompt\":\"x\"}",
                                "x-mock-fault",
                                "http_429:2500ms"));
        for (HttpResponse<byte[]> response : limited) {
            assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(429);
            assertThat(response.headers().firstValue("retry-after"))
                    .as(response.uri().getPath())
                    .contains("3");
            assertThat(response.headers().firstValue("retry-after-ms")).contains("2500");
            assertThat(response.headers().firstValue("x-ratelimit-remaining-requests"))
                    .contains("0");
            assertThat(MediaFixture.error(response).get("code").asText())
                    .isEqualTo("rate_limit_exceeded");
            assertThat(fixture.gate.settlements)
                    .filteredOn(
                            s ->
                                    s.requestId()
                                            .equals(
                                                    response.headers()
                                                            .firstValue("x-request-id")
                                                            .orElseThrow()))
                    .singleElement()
                    .satisfies(
                            s ->
                                    assertThat(s.end())
                                            .isEqualTo(
                                                    Settlement.End
                                                            .UPSTREAM_ERROR_BEFORE_FIRST_BYTE));
        }
    }

    @Test
    void serverErrorsAnswerTheirStatus() {
        assertThat(post("/v1/embeddings", EMBED, "x-mock-fault", "http_500").statusCode())
                .isEqualTo(500);
        assertThat(post("/v1/images/generations", IMAGE, "x-mock-fault", "http_502").statusCode())
                .isEqualTo(502);
        assertThat(transcribe("x-mock-fault", "http_503").statusCode()).isEqualTo(503);
        HttpResponse<byte[]> speech =
                post("/v1/audio/speech", SPEECH + "}", "x-mock-fault", "http_503");
        assertThat(speech.statusCode()).isEqualTo(503);
        assertThat(MediaFixture.error(speech).get("type").asText()).isEqualTo("server_error");
        assertThat(fixture.gate.last().usage()).isEqualTo(Settlement.Usage.NONE);
    }

    @Test
    void connectResetClosesBeforeAnyByteAndIsRefunded() {
        for (String path : List.of("/v1/embeddings", "/v1/audio/speech")) {
            String body = path.endsWith("speech") ? SPEECH + "}" : EMBED;
            int before = fixture.gate.settlements.size();
            byte[] received = raw(path, body, "x-mock-fault: connect_reset");
            assertThat(received).as(path).isEmpty();
            Settlement settled = fixture.gate.settlements.get(before);
            assertThat(settled.end()).isEqualTo(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
            assertThat(settled.status()).isZero();
            assertThat(settled.usage()).isEqualTo(Settlement.Usage.NONE);
        }
    }

    @Test
    void stallDelaysACompleteBodyAndEndsCompleted() {
        long start = System.nanoTime();
        HttpResponse<byte[]> response =
                post("/v1/embeddings", EMBED, "x-mock-fault", "stall:300ms");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300 * MS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fixture.gate.last().end()).isEqualTo(Settlement.End.COMPLETED);
    }

    @Test
    void stallPausesSpeechAfterTheFirstChunk() {
        long start = System.nanoTime();
        HttpResponse<byte[]> response =
                post("/v1/audio/speech", SPEECH + "}", "x-mock-fault", "stall:300ms");
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300 * MS);
        assertThat(response.body()).hasSize(48_000);
    }

    @Test
    void streamResetCutsACompleteBodyInHalf() throws IOException {
        assertThatThrownBy(
                        () ->
                                fixture.http()
                                        .send(
                                                fixture.request(
                                                        "POST",
                                                        "/v1/images/generations",
                                                        "application/json",
                                                        IMAGE.getBytes(StandardCharsets.UTF_8),
                                                        "x-mock-fault",
                                                        "stream_reset"),
                                                java.net.http.HttpResponse.BodyHandlers
                                                        .ofByteArray()))
                .isInstanceOf(IOException.class);
        Settlement settled = fixture.gate.last();
        assertThat(settled.end()).isEqualTo(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
        assertThat(settled.usage().images()).as("the body was generated").isEqualTo(1);
        String head =
                new String(
                        raw("/v1/embeddings", EMBED, "x-mock-fault: stream_reset"),
                        StandardCharsets.UTF_8);
        assertThat(head).startsWith("HTTP/1.1 200 OK").contains("content-length: ");
        int declared = Integer.parseInt(head.replaceAll("(?s).*content-length: (\\d+).*", "$1"));
        assertThat(head.length() - head.indexOf("\r\n\r\n") - 4)
                .as("half the body")
                .isEqualTo(declared / 2);
    }

    @Test
    void protocolErrorSendsHalfABody() {
        HttpResponse<byte[]> response = transcribe("x-mock-fault", "protocol_error");
        assertThat(response.statusCode()).isEqualTo(200);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"text\":").doesNotEndWith("}");
        assertThat(fixture.gate.last().end()).isEqualTo(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
    }

    @Test
    void streamResetOnSpeechResetsAfterKChunksAndBillsWhatWasSent() {
        int before = fixture.gate.settlements.size();
        byte[] received = raw("/v1/audio/speech", SPEECH + "}", "x-mock-fault: stream_reset:2");
        String text = new String(received, StandardCharsets.ISO_8859_1);
        assertThat(text)
                .startsWith("HTTP/1.1 200 OK")
                .contains("transfer-encoding: chunked")
                .doesNotContain("\r\n0\r\n\r\n");
        int bodyBytes = received.length - text.indexOf("\r\n\r\n") - 4;
        assertThat(bodyBytes)
                .as("two chunks of 12,000 bytes with their framing")
                .isEqualTo(2 * (4 + 2 + 12_000 + 2));
        Settlement settled = fixture.gate.settlements.get(before);
        assertThat(settled.end()).isEqualTo(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
        assertThat(settled.usage().mediaSeconds()).as("2 of 4 chunks of 1 s").isEqualTo(0.5);
    }

    @Test
    void sseSpeechTakesInBandErrorsAndCutOffEvents() throws Exception {
        String sse = SPEECH + ",\"stream_format\":\"sse\"}";
        HttpResponse<byte[]> errored =
                post("/v1/audio/speech", sse, "x-mock-fault", "stream_error_event:1");
        String[] events = new String(errored.body(), StandardCharsets.UTF_8).split("\n\n");
        assertThat(events).hasSize(2);
        assertThat(events[0]).contains("speech.audio.delta");
        JsonNode error = JsonBody.JSON.readTree(events[1].substring("data: ".length()));
        assertThat(error.get("error").get("type").asText()).isEqualTo("server_error");
        assertThat(fixture.gate.last().end()).isEqualTo(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
        assertThat(fixture.gate.last().usage().mediaSeconds()).isEqualTo(0.25);

        HttpResponse<byte[]> cut =
                post("/v1/audio/speech", sse, "x-mock-fault", "protocol_error:0");
        String body = new String(cut.body(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("data: {\"type\":\"speech.audio.delta\",\"audio\":\"\n\n");
        assertThat(fixture.gate.last().usage().mediaSeconds()).isZero();

        HttpResponse<byte[]> raw =
                post("/v1/audio/speech", SPEECH + "}", "x-mock-fault", "stream_error_event");
        assertThat(raw.statusCode()).as("raw audio has no events").isEqualTo(400);
        assertThat(MediaFixture.error(raw).get("code").asText()).isEqualTo("invalid_header");
    }

    @Test
    void videoLookupsTakeOnlyBeforeHeadersFaults() throws IOException {
        HttpResponse<byte[]> created = post("/v1/videos", "{\"prompt\":\"a fox\"}");
        String id = JsonBody.JSON.readTree(created.body()).get("id").asText();
        HttpResponse<byte[]> limited =
                fixture.sendWithHeaders(
                        "GET",
                        "/v1/videos/" + id,
                        "application/json",
                        new byte[0],
                        "x-mock-fault",
                        "http_429");
        assertThat(limited.statusCode()).isEqualTo(429);
        HttpResponse<byte[]> stall =
                fixture.sendWithHeaders(
                        "GET",
                        "/v1/videos/" + id,
                        "application/json",
                        new byte[0],
                        "x-mock-fault",
                        "stall");
        assertThat(stall.statusCode()).isEqualTo(400);
        assertThat(MediaFixture.error(stall).get("message").asText())
                .contains("http_429", "connect_reset");
    }

    @Test
    void randomFaultsApplyToMediaAndUnsupportedOnesAreIgnored() throws IOException {
        try (MediaFixture unavailable =
                        new MediaFixture(MockConfig.defaults().withFaults(always(Fault.HTTP_503)));
                MediaFixture dripping =
                        new MediaFixture(
                                MockConfig.defaults().withFaults(always(Fault.SLOW_DRIP)));
                MediaFixture resetting =
                        new MediaFixture(
                                MockConfig.defaults().withFaults(always(Fault.STREAM_RESET)))) {
            assertThat(unavailable.postJson("/v1/images/generations", IMAGE).statusCode())
                    .isEqualTo(503);
            assertThat(unavailable.postJson("/v1/embeddings", EMBED).statusCode()).isEqualTo(503);
            HttpResponse<byte[]> spared =
                    unavailable.sendWithHeaders(
                            "POST",
                            "/v1/embeddings",
                            "application/json",
                            EMBED.getBytes(StandardCharsets.UTF_8),
                            "x-mock-fault",
                            "none");
            assertThat(spared.statusCode()).as("x-mock-fault: none").isEqualTo(200);
            assertThat(dripping.postJson("/v1/embeddings", EMBED).statusCode())
                    .as("slow_drip is chat only")
                    .isEqualTo(200);
            HttpResponse<byte[]> job =
                    resetting.sendWithHeaders(
                            "POST",
                            "/v1/videos",
                            "application/json",
                            "{\"prompt\":\"a fox\",\"seconds\":\"4\"}"
                                    .getBytes(StandardCharsets.UTF_8),
                            "x-mock-job-ms",
                            "0");
            assertThat(job.statusCode()).isEqualTo(200);
            assertThat(resetting.gate.last().usage())
                    .as("a job drawn to fail is refunded")
                    .isEqualTo(Settlement.Usage.NONE);
            String id = JsonBody.JSON.readTree(job.body()).get("id").asText();
            HttpResponse<byte[]> polled = resetting.send("GET", "/v1/videos/" + id, null, null);
            assertThat(polled.statusCode())
                    .as("in-response faults do not touch lookups")
                    .isEqualTo(200);
            assertThat(JsonBody.JSON.readTree(polled.body()).get("status").asText())
                    .isEqualTo("failed");
        }
    }

    private static FaultSettings always(Fault fault) {
        return new FaultSettings(List.of(new FaultSettings.Weighted(FaultSpec.of(fault), 1.0)));
    }

    /**
     * Sends one request on a raw socket and returns every byte received until the server closes or
     * resets.
     */
    private static byte[] raw(String path, String json, String header) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head =
                "POST "
                        + path
                        + " HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer "
                        + MockConfig.DEFAULT_API_KEY
                        + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        + header
                        + "\r\nContent-Length: "
                        + body.length
                        + "\r\n\r\n";
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket("127.0.0.1", fixture.mock.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // Connection reset: what was received before it is the answer.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return received.toByteArray();
    }
}
