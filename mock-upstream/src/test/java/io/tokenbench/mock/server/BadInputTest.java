package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad-input case gets the right status and an OpenAI-style body, or a clean close; no leaks.
 */
@ExtendWith(NoLeaks.class)
class BadInputTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
    private final RecordingGate gate = new RecordingGate();
    private EmbeddedMock mock =
            new EmbeddedMock(
                    EmbeddedMock.config()
                            .withGate(gate)
                            .withMaxBodyBytes(1024)
                            .withBehavior(
                                    Behavior.DEFAULT
                                            .withTtft(DistParser.durations("0ms"))
                                            .withItl(DistParser.durations("0ms"))));

    @AfterEach
    void close() {
        mock.close();
    }

    private RawResponse send(String rawHttp) {
        return RawResponse.parse(mock.send(rawHttp).output());
    }

    private RawResponse postChat(String body) {
        return send(EmbeddedMock.post(CHAT, body));
    }

    private static void assertOpenAiError(
            RawResponse response, int status, String type, String code, String param) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("content-type")).isEqualTo("application/json");
        assertThat(response.header("x-request-id")).startsWith("req_");
        assertThat(response.error().get("type").asText()).isEqualTo(type);
        assertThat(response.error().get("message").asText()).isNotBlank();
        if (code == null) {
            assertThat(response.error().get("code").isNull()).isTrue();
        } else {
            assertThat(response.error().get("code").asText()).isEqualTo(code);
        }
        if (param == null) {
            assertThat(response.error().get("param").isNull()).isTrue();
        } else {
            assertThat(response.error().get("param").asText()).isEqualTo(param);
        }
    }

    @Test
    void malformedJsonIs400() {
        assertOpenAiError(
                postChat("{\"model\": \"MiniMax-M3\", " + MESSAGES),
                400,
                "invalid_request_error",
                null,
                null);
        assertThat(gate.admissions).isEmpty();
    }

    @Test
    void trailingGarbageAfterJsonIs400() {
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\"," + MESSAGES + "} x"),
                400,
                "invalid_request_error",
                null,
                null);
    }

    @Test
    void emptyBodyIs400() {
        assertOpenAiError(postChat(""), 400, "invalid_request_error", null, null);
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        assertOpenAiError(postChat("[1,2]"), 400, "invalid_request_error", "invalid_type", "body");
    }

    @Test
    void missingModelIs400() {
        RawResponse response = postChat("{" + MESSAGES + "}");
        assertOpenAiError(response, 400, "invalid_request_error", null, null);
        assertThat(response.error().get("message").asText())
                .isEqualTo("you must provide a model parameter");
    }

    @Test
    void missingMessagesIs400NamingTheParameter() {
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\"}"),
                400,
                "invalid_request_error",
                "missing_required_parameter",
                "messages");
    }

    @Test
    void emptyMessagesIs400() {
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\",\"messages\":[]}"),
                400,
                "invalid_request_error",
                "empty_array",
                "messages");
    }

    @Test
    void wrongTypesAre400NamingTheParameter() {
        assertOpenAiError(
                postChat("{\"model\":42," + MESSAGES + "}"),
                400,
                "invalid_request_error",
                "invalid_type",
                "model");
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\",\"stream\":\"yes\"," + MESSAGES + "}"),
                400,
                "invalid_request_error",
                "invalid_type",
                "stream");
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\",\"messages\":{\"role\":\"user\"}}"),
                400,
                "invalid_request_error",
                "invalid_type",
                "messages");
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\",\"max_tokens\":1.5," + MESSAGES + "}"),
                400,
                "invalid_request_error",
                "invalid_type",
                "max_tokens");
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":7}]}"),
                400,
                "invalid_request_error",
                "invalid_type",
                "messages[0].role");
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":\"robot\"}]}"),
                400,
                "invalid_request_error",
                "invalid_value",
                "messages[0].role");
    }

    @Test
    void outOfRangeIntegersAre400() {
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\",\"n\":0," + MESSAGES + "}"),
                400,
                "invalid_request_error",
                "integer_out_of_range",
                "n");
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\",\"max_completion_tokens\":0," + MESSAGES + "}"),
                400,
                "invalid_request_error",
                "integer_out_of_range",
                "max_completion_tokens");
    }

    @Test
    void streamOptionsWithoutStreamIs400() {
        assertOpenAiError(
                postChat(
                        "{\"model\":\"MiniMax-M3\",\"stream_options\":{\"include_usage\":true},"
                                + MESSAGES
                                + "}"),
                400,
                "invalid_request_error",
                "invalid_value",
                "stream_options");
    }

    @Test
    void toolChoiceWithoutToolsIs400() {
        assertOpenAiError(
                postChat(
                        "{\"model\":\"MiniMax-M3\",\"tool_choice\":\"required\"," + MESSAGES + "}"),
                400,
                "invalid_request_error",
                "invalid_value",
                "tool_choice");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] head =
                ("POST "
                                + CHAT
                                + " HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer sk-tokenbench-local\r\n"
                                + "Content-Type: application/json\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":\"user\",\"content\":\"")
                        .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.writeBytes("\"}]}".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head);
        request.writeBytes(
                ("Content-Length: " + body.size() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body.toByteArray());
        RawResponse response = RawResponse.parse(mock.send(request.toByteArray()).output());
        assertOpenAiError(response, 400, "invalid_request_error", null, null);
    }

    @Test
    void bodyOverMaxBodyIs413() {
        String big = "x".repeat(2000);
        RawResponse response =
                postChat(
                        "{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":\"user\",\"content\":\""
                                + big
                                + "\"}]}");
        assertOpenAiError(response, 413, "invalid_request_error", "request_too_large", null);
        assertThat(gate.admissions).isEmpty();
    }

    @Test
    void wrongMethodIs405WithAllow() {
        RawResponse response = send("GET " + CHAT + " HTTP/1.1\r\nHost: mock\r\n\r\n");
        assertOpenAiError(response, 405, "invalid_request_error", null, null);
        assertThat(response.header("allow")).isEqualTo("POST");
    }

    @Test
    void unknownPathIs404InvalidUrl() {
        RawResponse response =
                send(EmbeddedMock.post("/v1/chat/completions/chat/completions", "{}"));
        assertOpenAiError(response, 404, "invalid_request_error", null, null);
        assertThat(response.error().get("message").asText())
                .isEqualTo("Invalid URL (POST /v1/chat/completions/chat/completions)");
        assertThat(send("GET /nothing-here HTTP/1.1\r\nHost: mock\r\n\r\n").status())
                .isEqualTo(404);
    }

    @Test
    void unknownModelIs404ModelNotFound() {
        RawResponse response = postChat("{\"model\":\"gpt-9\"," + MESSAGES + "}");
        assertOpenAiError(response, 404, "invalid_request_error", "model_not_found", null);
        assertThat(response.error().get("message").asText()).contains("`gpt-9`");
        assertThat(gate.admissions).isEmpty();
    }

    @Test
    void nonChatModelIs404OnChatCompletions() {
        assertOpenAiError(
                postChat("{\"model\":\"text-embedding-3-small\"," + MESSAGES + "}"),
                404,
                "invalid_request_error",
                null,
                "model");
    }

    @Test
    void missingOrUnknownKeyIs401InvalidApiKey() {
        String body = "{\"model\":\"MiniMax-M3\"," + MESSAGES + "}";
        String noAuth =
                EmbeddedMock.post(CHAT, body)
                        .replace("Authorization: Bearer sk-tokenbench-local\r\n", "");
        assertOpenAiError(send(noAuth), 401, "invalid_request_error", "invalid_api_key", null);
        RawResponse wrong =
                send(EmbeddedMock.post(CHAT, body).replace("sk-tokenbench-local", "sk-guess"));
        assertOpenAiError(wrong, 401, "invalid_request_error", "invalid_api_key", null);
        assertThat(wrong.body()).doesNotContain("sk-guess");
        assertThat(gate.settlements).as("rejected requests are not settled").isEmpty();
    }

    @Test
    void badOverrideHeaderIs400NamingTheHeader() {
        RawResponse response =
                send(
                        EmbeddedMock.post(
                                CHAT,
                                "{\"model\":\"MiniMax-M3\"," + MESSAGES + "}",
                                "x-mock-ttft-ms: soon"));
        assertOpenAiError(response, 400, "invalid_request_error", "invalid_header", null);
        assertThat(response.error().get("message").asText()).contains("x-mock-ttft-ms");
        RawResponse fault =
                send(
                        EmbeddedMock.post(
                                CHAT,
                                "{\"model\":\"MiniMax-M3\"," + MESSAGES + "}",
                                "x-mock-fault: explode"));
        assertThat(fault.error().get("message").asText())
                .contains("x-mock-fault")
                .contains("http_429");
    }

    @Test
    void oversizedHeadersAre431AndClose() {
        RawResponse response =
                send(
                        "GET /v1/models HTTP/1.1\r\nHost: mock\r\nX-Big: "
                                + "a".repeat(20_000)
                                + "\r\n\r\n");
        assertOpenAiError(response, 431, "invalid_request_error", null, null);
        assertThat(response.header("connection")).isEqualTo("close");
        assertThat(mock.channel.isOpen()).isFalse();
    }

    @Test
    void overlongUriIs414AndClose() {
        RawResponse response =
                send("GET /v1/models/" + "m".repeat(9_000) + " HTTP/1.1\r\nHost: mock\r\n\r\n");
        assertOpenAiError(response, 414, "invalid_request_error", null, null);
        assertThat(mock.channel.isOpen()).isFalse();
    }

    @Test
    void duplicateKeysAre400() {
        assertOpenAiError(
                postChat("{\"model\":\"MiniMax-M3\",\"model\":\"gpt-4o-mini\"," + MESSAGES + "}"),
                400,
                "invalid_request_error",
                null,
                null);
    }

    @Test
    void garbageRequestLineIs400AndClose() {
        RawResponse response = send("HELLO\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(mock.channel.isOpen()).isFalse();
    }

    @Test
    void slowClientIsClosedAfterTheIdleTimeout() {
        mock.close();
        mock = new EmbeddedMock(EmbeddedMock.config().withClientIdleTimeout(Duration.ofSeconds(5)));
        mock.send("POST " + CHAT + " HTTP/1.1\r\nHost: mock\r\nContent-Length: 100\r\n\r\n{\"mod");
        mock.advanceMillis(4_000);
        assertThat(mock.channel.isOpen()).isTrue();
        mock.advanceMillis(1_100);
        assertThat(mock.channel.isOpen()).isFalse();
        assertThat(mock.output()).as("no response to a request that never completed").isEmpty();
    }

    @Test
    void aStreamLongerThanTheIdleTimeoutDoesNotGetItsConnectionClosedAfterwards() {
        mock.close();
        mock =
                new EmbeddedMock(
                        EmbeddedMock.config()
                                .withClientIdleTimeout(Duration.ofSeconds(5))
                                .withBehavior(
                                        Behavior.DEFAULT
                                                .withTtft(DistParser.durations("1s"))
                                                .withItl(DistParser.durations("1s"))
                                                .withOutputTokens(DistParser.counts("8"))));
        mock.send(
                EmbeddedMock.post(
                        CHAT, "{\"model\":\"MiniMax-M3\",\"stream\":true," + MESSAGES + "}"));
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            wire.append(mock.advanceMillis(1_000).output()); // 8 s without a read from the client
        }
        assertThat(wire.toString()).contains("data: [DONE]");
        mock.advanceMillis(
                4_000); // the reader has been idle 12 s, but the response ended only 4 s ago
        assertThat(mock.channel.isOpen())
                .as("idle is counted from the end of the response")
                .isTrue();
        mock.advanceMillis(
                6_000); // the idle check runs every timeout; the next one finds 10 s of idleness
        assertThat(mock.channel.isOpen()).isFalse();
    }

    @Test
    void clientVanishingMidStreamSettlesCancelledWithTokensSoFar() {
        mock.close();
        mock =
                new EmbeddedMock(
                        EmbeddedMock.config()
                                .withGate(gate)
                                .withBehavior(
                                        Behavior.DEFAULT
                                                .withTtft(DistParser.durations("10ms"))
                                                .withItl(DistParser.durations("10ms"))
                                                .withOutputTokens(DistParser.counts("50"))));
        mock.send(
                EmbeddedMock.post(
                        CHAT, "{\"model\":\"MiniMax-M3\",\"stream\":true," + MESSAGES + "}"));
        mock.advanceMillis(10).advanceMillis(10).advanceMillis(10); // tokens 1, 2, 3
        mock.output();
        mock.channel.close();
        mock.advanceMillis(1_000);
        Settlement settlement = gate.onlySettlement();
        assertThat(settlement.end()).isEqualTo(Settlement.End.CLIENT_CANCELLED);
        assertThat(settlement.usage().completionTokens()).isEqualTo(3);
        assertThat(mock.server.stats.openStreams()).isZero();
        assertThat(mock.server.stats.inFlight()).isZero();
    }

    @Test
    void keepAliveServesPipelinedRequestsInOrder() {
        String body = "{\"model\":\"MiniMax-M3\",\"max_tokens\":1," + MESSAGES + "}";
        String wire =
                mock.send(
                                EmbeddedMock.post(CHAT, body)
                                        + EmbeddedMock.post(CHAT, body)
                                        + "GET /v1/nope HTTP/1.1\r\nHost: mock\r\n\r\n")
                        .output();
        assertThat(wire.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        assertThat(wire.indexOf("HTTP/1.1 404")).isGreaterThan(wire.lastIndexOf("HTTP/1.1 200 OK"));
        assertThat(mock.channel.isOpen()).isTrue();
    }
}
