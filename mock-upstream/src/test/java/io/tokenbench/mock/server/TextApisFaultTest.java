package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault model on the legacy completions and Responses endpoints, on the real pipeline with
 * virtual time: the same faults as chat, each in the API's own wire format.
 */
@ExtendWith(NoLeaks.class)
class TextApisFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Behavior FIVE_TOKENS =
            Behavior.DEFAULT
                    .withTtft(DistParser.durations("10ms"))
                    .withItl(DistParser.durations("10ms"))
                    .withOutputTokens(DistParser.counts("5"));
    private static final String RESPONSES = "/v1/responses";
    private static final String COMPLETIONS = "/v1/completions";
    private static final String RESPONSES_STREAM =
            "{\"model\":\"MiniMax-M3\",\"stream\":true,\"input\":\"hi\"}";
    private static final String RESPONSES_PLAIN = "{\"model\":\"MiniMax-M3\",\"input\":\"hi\"}";
    private static final String COMPLETIONS_STREAM =
            "{\"model\":\"MiniMax-M3\",\"stream\":true,\"prompt\":\"hi\","
                    + "\"stream_options\":{\"include_usage\":true}}";
    private static final String COMPLETIONS_PLAIN = "{\"model\":\"MiniMax-M3\",\"prompt\":\"hi\"}";
    private static final String DELTA = "event: response.output_text.delta";
    private static final String TEXT_CHUNK = "\"finish_reason\":null}";

    private final RecordingGate gate = new RecordingGate();
    private EmbeddedMock mock =
            new EmbeddedMock(EmbeddedMock.config().withGate(gate).withBehavior(FIVE_TOKENS));

    @AfterEach
    void close() {
        mock.close();
    }

    private String stream(String path, String body, String... headers) {
        mock.send(EmbeddedMock.post(path, body, headers));
        StringBuilder wire = new StringBuilder(mock.output());
        for (int i = 0; i < 300; i++) {
            wire.append(mock.advanceMillis(10).output());
        }
        return wire.toString();
    }

    private RawResponse plain(String path, String body, String... headers) {
        mock.send(EmbeddedMock.post(path, body, headers));
        return RawResponse.parse(mock.output() + mock.advanceMillis(10_000).output());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** The JSON of every {@code data: {...}} line of a (chunked) SSE body. */
    static List<JsonNode> dataEvents(String wire) {
        return wire.lines()
                .filter(l -> l.startsWith("data: {"))
                .map(
                        l -> {
                            try {
                                return JSON.readTree(l.substring("data: ".length()));
                            } catch (java.io.IOException e) {
                                throw new AssertionError("not JSON: " + l, e);
                            }
                        })
                .toList();
    }

    @Test
    void errorsBeforeTheHeadersArePlainJsonOnBothApisStreamedOrNot() {
        String[][] cases = {
            {RESPONSES, RESPONSES_STREAM}, {RESPONSES, RESPONSES_PLAIN},
            {COMPLETIONS, COMPLETIONS_STREAM}, {COMPLETIONS, COMPLETIONS_PLAIN}
        };
        for (String[] c : cases) {
            RawResponse limited = plain(c[0], c[1], "x-mock-fault: http_429:1500ms");
            assertThat(limited.status()).as(c[0]).isEqualTo(429);
            assertThat(limited.header("retry-after-ms")).isEqualTo("1500");
            assertThat(limited.error().get("code").asText()).isEqualTo("rate_limit_exceeded");
            RawResponse unavailable = plain(c[0], c[1], "x-mock-fault: http_503");
            assertThat(unavailable.status()).as(c[0]).isEqualTo(503);
            assertThat(unavailable.error().get("type").asText()).isEqualTo("server_error");
        }
        assertThat(gate.settlements)
                .hasSize(8)
                .extracting(Settlement::end)
                .containsOnly(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
    }

    @Test
    void responsesStreamErrorEventIsResponseFailedAfterKDeltas() {
        String wire = stream(RESPONSES, RESPONSES_STREAM, "x-mock-fault: stream_error_event:2");
        assertThat(count(wire, DELTA)).isEqualTo(2);
        assertThat(wire)
                .contains("event: response.failed")
                .doesNotContain("response.completed")
                .doesNotContain("[DONE]")
                .endsWith("0\r\n\r\n");
        JsonNode failed = dataEvents(wire).get(dataEvents(wire).size() - 1);
        assertThat(failed.get("type").asText()).isEqualTo("response.failed");
        assertThat(failed.at("/response/status").asText()).isEqualTo("failed");
        assertThat(failed.at("/response/error/code").asText()).isEqualTo("server_error");
        assertThat(failed.at("/response/output/0/status").asText()).isEqualTo("incomplete");
        assertThat(failed.has("error")).as("no top-level error key").isFalse();
        Settlement settlement = gate.onlySettlement();
        assertThat(settlement.end()).isEqualTo(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
        assertThat(settlement.usage().completionTokens()).isEqualTo(2);
    }

    @Test
    void completionsStreamErrorEventIsTheInBandErrorAfterKChunks() {
        String wire = stream(COMPLETIONS, COMPLETIONS_STREAM, "x-mock-fault: stream_error_event:2");
        assertThat(count(wire, TEXT_CHUNK)).isEqualTo(2);
        assertThat(wire).contains("data: {\"error\":{").doesNotContain("[DONE]");
        assertThat(gate.onlySettlement().end())
                .isEqualTo(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
    }

    @Test
    void missingDoneDropsTheTerminalEvent() {
        String responses = stream(RESPONSES, RESPONSES_STREAM, "x-mock-fault: missing_done");
        assertThat(responses)
                .contains("event: response.output_item.done")
                .doesNotContain("event: response.completed");
        String completions = stream(COMPLETIONS, COMPLETIONS_STREAM, "x-mock-fault: missing_done");
        assertThat(completions).contains("\"finish_reason\":\"stop\"").doesNotContain("[DONE]");
        assertThat(count(completions, TEXT_CHUNK)).isEqualTo(5);
    }

    @Test
    void usageMissingLeavesUsageOut() {
        List<JsonNode> events =
                dataEvents(stream(RESPONSES, RESPONSES_STREAM, "x-mock-fault: usage_missing"));
        JsonNode completed = events.get(events.size() - 1);
        assertThat(completed.get("type").asText()).isEqualTo("response.completed");
        assertThat(completed.at("/response/usage").isNull()).isTrue();
        assertThat(
                        plain(RESPONSES, RESPONSES_PLAIN, "x-mock-fault: usage_missing")
                                .json()
                                .get("usage")
                                .isNull())
                .isTrue();
        String completions = stream(COMPLETIONS, COMPLETIONS_STREAM, "x-mock-fault: usage_missing");
        assertThat(completions)
                .doesNotContain("\"choices\":[]")
                .endsWith("data: [DONE]\n\n\r\n0\r\n\r\n");
        assertThat(
                        plain(COMPLETIONS, COMPLETIONS_PLAIN, "x-mock-fault: usage_missing")
                                .json()
                                .has("usage"))
                .isFalse();
    }

    @Test
    void streamResetCutsTheConnectionAfterKTokens() {
        String wire = stream(RESPONSES, RESPONSES_STREAM, "x-mock-fault: stream_reset:2");
        assertThat(count(wire, DELTA)).isEqualTo(2);
        assertThat(wire).doesNotContain("response.completed").doesNotEndWith("0\r\n\r\n");
        assertThat(mock.channel.isOpen()).isFalse();
        Settlement settlement = gate.onlySettlement();
        assertThat(settlement.end()).isEqualTo(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
        assertThat(settlement.usage().completionTokens()).isEqualTo(2);
    }

    @Test
    void completionsStreamResetCutsTheConnectionAfterKChunks() {
        String wire = stream(COMPLETIONS, COMPLETIONS_STREAM, "x-mock-fault: stream_reset:3");
        assertThat(count(wire, TEXT_CHUNK)).isEqualTo(3);
        assertThat(mock.channel.isOpen()).isFalse();
        assertThat(gate.onlySettlement().usage().completionTokens()).isEqualTo(3);
    }

    @Test
    void stallHoldsTheSecondDeltaBack() {
        mock.send(EmbeddedMock.post(RESPONSES, RESPONSES_STREAM, "x-mock-fault: stall:500ms"));
        assertThat(mock.output()).contains("event: response.created").doesNotContain(DELTA);
        assertThat(count(mock.advanceMillis(10).output(), DELTA))
                .as("first delta at TTFT")
                .isEqualTo(1);
        // due at 10 ms (TTFT) + 10 ms (ITL) + 500 ms (stall) = 520 ms
        assertThat(mock.advanceMillis(509).output()).isEmpty();
        assertThat(mock.advanceMillis(1).output()).contains(DELTA);
    }

    @Test
    void protocolErrorSendsAnUnparsableEvent() {
        String wire = stream(RESPONSES, RESPONSES_STREAM, "x-mock-fault: protocol_error:1");
        String last =
                wire.lines().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("data: {\"type\":\"response.output_text.delta\"");
        assertThat(last).doesNotEndWith("}");
    }

    @Test
    void seededFaultsFromTheConfigurationHitBothApis() {
        mock.close();
        mock =
                new EmbeddedMock(
                        EmbeddedMock.config()
                                .withGate(gate)
                                .withBehavior(FIVE_TOKENS)
                                .withFaults(
                                        new FaultSettings(
                                                List.of(
                                                        new FaultSettings.Weighted(
                                                                FaultSpec.parse(
                                                                        "stream_error_event:1"),
                                                                1.0)))));
        assertThat(stream(RESPONSES, RESPONSES_STREAM)).contains("event: response.failed");
        assertThat(stream(COMPLETIONS, COMPLETIONS_STREAM)).contains("data: {\"error\":{");
        assertThat(plain(RESPONSES, RESPONSES_PLAIN, "x-mock-fault: none").status())
                .as("x-mock-fault: none suppresses configured faults")
                .isEqualTo(200);
    }
}
