package io.tokenbench.mock.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chat's stream faults that make sense for speech as server-sent events, over real sockets with
 * zero latency: {@code missing_done} (no {@code speech.audio.done} event, the stream's end marker),
 * {@code usage_missing} (the done event without {@code usage}) and {@code slow_drip} (the same
 * bytes, a few at a time, timed one-sided); still 400 {@code invalid_header} on raw speech and the
 * other endpoints.
 */
@ExtendWith(NoLeaks.class)
class SpeechSseFaultTest {

    private static final long MS = 1_000_000L;

    /** 1 s of speech: four 0.25 s delta events. */
    private static final String SSE =
            "{\"model\":\"tts-1\",\"input\":\"Hello, world...\",\"voice\":\"alloy\","
                    + "\"response_format\":\"pcm\",\"stream_format\":\"sse\"}";

    /** 0.25 s of speech (the shortest): one delta event. */
    private static final String SHORT_SSE =
            "{\"model\":\"tts-1\",\"input\":\"Hi\",\"voice\":\"alloy\","
                    + "\"response_format\":\"pcm\",\"stream_format\":\"sse\"}";

    @RegisterExtension static final MediaFixture fixture = new MediaFixture();

    private static HttpResponse<byte[]> post(String json, String... headers) {
        return fixture.sendWithHeaders(
                "POST",
                "/v1/audio/speech",
                "application/json",
                json.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private static List<JsonNode> events(HttpResponse<byte[]> response) throws IOException {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n\n");
        List<JsonNode> events = new ArrayList<>();
        for (String event : body.split("\n\n")) {
            assertThat(event).startsWith("data: ");
            events.add(JsonBody.JSON.readTree(event.substring("data: ".length())));
        }
        return events;
    }

    private static long faultCount(String name) throws IOException {
        HttpResponse<byte[]> stats =
                fixture.send("GET", "/admin/stats", null, null, fixture.mock.adminToken());
        return JsonBody.JSON.readTree(stats.body()).get("faults_injected").path(name).asLong();
    }

    @Test
    void withoutAFaultTheStreamEndsWithTheDoneEventCarryingUsage() throws IOException {
        List<JsonNode> events = events(post(SSE));
        assertThat(events).hasSize(5);
        JsonNode done = events.get(4);
        assertThat(done.get("type").asText()).isEqualTo("speech.audio.done");
        assertThat(done.get("usage").get("input_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void missingDoneEndsAfterTheLastAudioDeltaAndBillsTheAudio() throws IOException {
        long countedBefore = faultCount("missing_done");
        HttpResponse<byte[]> response = post(SSE, "x-mock-fault", "missing_done");
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> events = events(response);
        assertThat(events)
                .as("four deltas, no done event")
                .hasSize(4)
                .allSatisfy(
                        e -> assertThat(e.get("type").asText()).isEqualTo("speech.audio.delta"));
        Settlement settled = fixture.gate.last();
        assertThat(settled.end())
                .as("every audio byte was sent")
                .isEqualTo(Settlement.End.COMPLETED);
        assertThat(settled.usage().mediaSeconds()).isEqualTo(1.0);
        assertThat(faultCount("missing_done"))
                .as("counted in /admin/stats")
                .isEqualTo(countedBefore + 1);
    }

    @Test
    void usageMissingSendsTheDoneEventWithoutUsage() throws IOException {
        List<JsonNode> events = events(post(SSE, "x-mock-fault", "usage_missing"));
        assertThat(events).hasSize(5);
        JsonNode done = events.get(4);
        assertThat(done.get("type").asText()).isEqualTo("speech.audio.done");
        assertThat(done.has("usage")).isFalse();
        assertThat(fixture.gate.last().end()).isEqualTo(Settlement.End.COMPLETED);
        assertThat(fixture.gate.last().usage().mediaSeconds())
                .as("billed on the mock's side")
                .isEqualTo(1.0);
    }

    @Test
    void slowDripDeliversTheSameBytesSixteenAtATime() throws IOException {
        HttpResponse<byte[]> plain = post(SHORT_SSE, "x-mock-seed", "7");
        long start = System.nanoTime();
        HttpResponse<byte[]> dripped =
                post(SHORT_SSE, "x-mock-seed", "7", "x-mock-fault", "slow_drip:100us");
        long elapsed = System.nanoTime() - start;
        assertThat(dripped.statusCode()).isEqualTo(200);
        assertThat(dripped.body()).as("the same events, only slower").isEqualTo(plain.body());
        long pieces = (dripped.body().length + 15) / 16;
        assertThat(elapsed)
                .as("at least one 100 us interval per 16-byte piece")
                .isGreaterThanOrEqualTo(pieces * MS / 10);
        assertThat(fixture.gate.last().end()).isEqualTo(Settlement.End.COMPLETED);
    }

    @Test
    void theseFaultsAreStillRefusedWhereTheyMakeNoSense() throws IOException {
        String raw = SSE.replace(",\"stream_format\":\"sse\"", "");
        for (Fault fault : List.of(Fault.MISSING_DONE, Fault.USAGE_MISSING, Fault.SLOW_DRIP)) {
            HttpResponse<byte[]> rawSpeech = post(raw, "x-mock-fault", fault.wireName());
            assertThat(rawSpeech.statusCode()).as(fault + " on raw speech").isEqualTo(400);
            assertThat(MediaFixture.error(rawSpeech).get("code").asText())
                    .isEqualTo("invalid_header");
            HttpResponse<byte[]> embeddings =
                    fixture.sendWithHeaders(
                            "POST",
                            "/v1/embeddings",
                            "application/json",
                            "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}"
                                    .getBytes(StandardCharsets.UTF_8),
                            "x-mock-fault",
                            fault.wireName());
            assertThat(embeddings.statusCode()).as(fault + " on embeddings").isEqualTo(400);
        }
        String message =
                MediaFixture.error(post(raw, "x-mock-fault", "missing_done"))
                        .get("message")
                        .asText();
        assertThat(message.substring(message.indexOf("(supported:")))
                .contains("stall")
                .doesNotContain("missing_done", "usage_missing", "slow_drip");
    }
}
