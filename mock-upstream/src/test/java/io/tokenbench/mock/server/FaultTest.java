package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One test per fault (streaming and, where it differs, non-streaming), on the real pipeline. */
@ExtendWith(NoLeaks.class)
class FaultTest {

    private static final Behavior FIVE_TOKENS =
            Behavior.DEFAULT
                    .withTtft(DistParser.durations("10ms"))
                    .withItl(DistParser.durations("10ms"))
                    .withOutputTokens(DistParser.counts("5"));
    private static final String STREAM_BODY =
            "{\"model\":\"MiniMax-M3\",\"stream\":true,"
                    + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String PLAIN_BODY =
            "{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final RecordingGate gate = new RecordingGate();
    private EmbeddedMock mock =
            new EmbeddedMock(EmbeddedMock.config().withGate(gate).withBehavior(FIVE_TOKENS));

    @AfterEach
    void close() {
        mock.close();
    }

    private String streamWithFault(String fault) {
        mock.send(EmbeddedMock.post("/v1/chat/completions", STREAM_BODY, "x-mock-fault: " + fault));
        StringBuilder wire = new StringBuilder(mock.output());
        for (int i = 0; i < 300; i++) {
            wire.append(mock.advanceMillis(10).output());
        }
        return wire.toString();
    }

    private RawResponse plainWithFault(String fault) {
        mock.send(EmbeddedMock.post("/v1/chat/completions", PLAIN_BODY, "x-mock-fault: " + fault));
        return RawResponse.parse(mock.output() + mock.advanceMillis(10_000).output());
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void http429CarriesRetryAndRateLimitHeaders() {
        RawResponse response = plainWithFault("http_429:1500ms");
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("retry-after")).isEqualTo("2");
        assertThat(response.header("retry-after-ms")).isEqualTo("1500");
        assertThat(response.header("x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(response.header("x-ratelimit-reset-requests")).isEqualTo("1.5s");
        assertThat(response.header("x-ratelimit-limit-tokens")).isEqualTo("150000");
        assertThat(response.error().get("type").asText()).isEqualTo("requests");
        assertThat(response.error().get("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(gate.onlySettlement().end())
                .isEqualTo(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
    }

    @Test
    void http429OnAStreamIsAPlainJsonResponse() {
        String wire = streamWithFault("http_429");
        assertThat(wire)
                .startsWith("HTTP/1.1 429")
                .doesNotContain("data:")
                .contains("application/json");
    }

    @Test
    void http5xxAreServerErrors() {
        for (int status : new int[] {500, 502, 503}) {
            RawResponse response = plainWithFault("http_" + status);
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.error().get("type").asText()).isEqualTo("server_error");
            assertThat(response.error().get("code").isNull()).isTrue();
        }
        assertThat(gate.settlements)
                .extracting(Settlement::end)
                .containsOnly(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE)
                .hasSize(3);
    }

    @Test
    void connectResetClosesWithoutAnyByte() {
        mock.send(
                EmbeddedMock.post(
                        "/v1/chat/completions", PLAIN_BODY, "x-mock-fault: connect_reset"));
        assertThat(mock.output()).isEmpty();
        assertThat(mock.channel.isOpen()).isFalse();
        assertThat(gate.onlySettlement().end())
                .isEqualTo(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
    }

    @Test
    void streamResetAfterKChunksClosesWithoutTerminator() {
        String wire = streamWithFault("stream_reset:3");
        assertThat(count(wire, "\"delta\":{\"content\":\"")).isEqualTo(3);
        assertThat(wire)
                .doesNotContain("finish_reason\":\"stop")
                .doesNotContain("[DONE]")
                .doesNotEndWith("0\r\n\r\n");
        assertThat(mock.channel.isOpen()).isFalse();
        Settlement settlement = gate.onlySettlement();
        assertThat(settlement.end()).isEqualTo(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
        assertThat(settlement.usage().completionTokens()).isEqualTo(3);
    }

    @Test
    void streamResetOnANonStreamingRequestCutsTheBody() {
        mock.send(
                EmbeddedMock.post(
                        "/v1/chat/completions", PLAIN_BODY, "x-mock-fault: stream_reset"));
        String wire = mock.output() + mock.advanceMillis(10_000).output();
        int declared =
                Integer.parseInt(
                        RawResponse.parse(wire + "x".repeat(2000)).header("content-length"));
        String body = wire.substring(wire.indexOf("\r\n\r\n") + 4);
        assertThat(body.length()).isEqualTo(declared / 2);
        assertThat(mock.channel.isOpen()).isFalse();
    }

    @Test
    void streamErrorEventEndsTheBodyWithAnInBandError() {
        String wire = streamWithFault("stream_error_event:2");
        assertThat(count(wire, "\"delta\":{\"content\":\"")).isEqualTo(2);
        assertThat(wire)
                .contains(
                        "data: {\"error\":{\"message\":\"The server had an error while processing your request."
                                + " Sorry about that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n")
                .doesNotContain("[DONE]")
                .endsWith("0\r\n\r\n");
        assertThat(gate.onlySettlement().end())
                .isEqualTo(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
        assertThat(mock.channel.isOpen()).as("the connection stays usable").isTrue();
    }

    @Test
    void protocolErrorWritesAnUnparsableEvent() {
        String wire = streamWithFault("protocol_error:1");
        assertThat(count(wire, "\"delta\":{\"content\":\""))
                .isEqualTo(2); // one real, one cut short
        assertThat(wire).contains("\"delta\":{\"content\":\"\n\n").doesNotContain("[DONE]");
        RawResponse plain = plainWithFault("protocol_error");
        assertThat(plain.body()).startsWith("{\"id\":\"chatcmpl-").doesNotEndWith("}");
    }

    @Test
    void missingDoneEndsTheBodyAfterTheUsageChunk() {
        String wire = streamWithFault("missing_done");
        assertThat(wire)
                .contains("\"finish_reason\":\"stop\"")
                .contains("\"choices\":[],\"usage\":{")
                .doesNotContain("[DONE]")
                .endsWith("0\r\n\r\n");
        assertThat(gate.onlySettlement().end()).isEqualTo(Settlement.End.COMPLETED);
    }

    @Test
    void usageMissingDropsTheUsageChunkAndField() {
        String wire = streamWithFault("usage_missing");
        assertThat(wire)
                .contains("\"finish_reason\":\"stop\"")
                .contains("[DONE]")
                .doesNotContain("\"choices\":[]");
        RawResponse plain = plainWithFault("usage_missing");
        assertThat(plain.json().has("usage")).isFalse();
        assertThat(plain.json().get("choices").size()).isEqualTo(1);
    }

    @Test
    void stallHoldsBytesBackAfterTheFirstContentChunk() {
        mock.send(
                EmbeddedMock.post(
                        "/v1/chat/completions", STREAM_BODY, "x-mock-fault: stall:500ms"));
        mock.output();
        assertThat(count(mock.advanceMillis(10).output(), "\"content\":\""))
                .isEqualTo(2); // role + first token
        assertThat(mock.advanceMillis(10).output()).as("no second token after one ITL").isEmpty();
        // due at 10 ms (TTFT) + 10 ms (ITL) + 500 ms (stall) = 520 ms
        assertThat(mock.advanceMillis(499).output()).isEmpty();
        assertThat(mock.advanceMillis(1).output()).contains("\"delta\":{\"content\":\"");
    }

    @Test
    void stallDelaysANonStreamingResponse() {
        mock.send(EmbeddedMock.post("/v1/chat/completions", PLAIN_BODY, "x-mock-fault: stall:1s"));
        // 10 ms TTFT + 4 gaps of 10 ms + 1 s stall
        assertThat(mock.advanceMillis(1_049).output()).isEmpty();
        assertThat(RawResponse.parse(mock.advanceMillis(1).output()).status()).isEqualTo(200);
    }

    @Test
    void slowDripWritesSixteenBytesPerInterval() {
        mock.send(
                EmbeddedMock.post(
                        "/v1/chat/completions", STREAM_BODY, "x-mock-fault: slow_drip:5ms"));
        mock.output();
        mock.advanceMillis(10); // first step generated, nothing dripped yet
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mock.channel.advanceTimeBy(5, java.util.concurrent.TimeUnit.MILLISECONDS);
            mock.channel.runScheduledPendingTasks();
            pieces.add(mock.output());
        }
        // Each piece is one HTTP chunk: "10\r\n" + 16 bytes + "\r\n".
        assertThat(pieces).allSatisfy(p -> assertThat(p).startsWith("10\r\n").hasSize(4 + 16 + 2));
        String rest = streamRest();
        assertThat(String.join("", pieces).replaceAll("10\r\n(.{16})\r\n", "$1") + rest)
                .contains("data: [DONE]");
        assertThat(gate.onlySettlement().end()).isEqualTo(Settlement.End.COMPLETED);
    }

    private String streamRest() {
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < 1_000 && !wire.toString().endsWith("0\r\n\r\n"); i++) {
            wire.append(mock.advanceMillis(5).output());
        }
        return wire.toString().replaceAll("\r\n[0-9a-f]+\r\n", "").replaceAll("^[0-9a-f]+\r\n", "");
    }

    @Test
    void noneSuppressesConfiguredFaults() {
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
                                                                FaultSpec.of(Fault.HTTP_500),
                                                                1.0)))));
        assertThat(plainWithFault("none").status()).isEqualTo(200);
        mock.send(EmbeddedMock.post("/v1/chat/completions", PLAIN_BODY));
        assertThat(RawResponse.parse(mock.output()).status()).isEqualTo(500);
    }

    @Test
    void configuredProbabilitiesAreSeededAndRoughlyHonoured() {
        List<Integer> first = statuses(42);
        List<Integer> again = statuses(42);
        List<Integer> other = statuses(43);
        assertThat(first).isEqualTo(again).isNotEqualTo(other);
        long failures = first.stream().filter(s -> s == 503).count();
        assertThat(failures).isBetween(10L, 50L); // p = 0.5 over 60 requests
    }

    private List<Integer> statuses(long seed) {
        List<Integer> statuses = new ArrayList<>();
        try (EmbeddedMock seeded =
                new EmbeddedMock(
                        EmbeddedMock.config()
                                .withSeed(seed)
                                .withBehavior(
                                        FIVE_TOKENS
                                                .withTtft(DistParser.durations("0ms"))
                                                .withItl(DistParser.durations("0ms")))
                                .withFaults(
                                        new FaultSettings(
                                                List.of(
                                                        new FaultSettings.Weighted(
                                                                FaultSpec.of(Fault.HTTP_503),
                                                                0.5)))))) {
            for (int i = 0; i < 60; i++) {
                seeded.send(EmbeddedMock.post("/v1/chat/completions", PLAIN_BODY));
                statuses.add(RawResponse.parse(seeded.output()).status());
            }
        }
        return statuses;
    }
}
