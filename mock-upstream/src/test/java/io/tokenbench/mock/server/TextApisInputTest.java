package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.testing.NoLeaks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Input handling of the legacy completions and Responses endpoints (bad input is a 4xx with an
 * OpenAI-style body and never reaches the gate), the Responses stream's event numbering, and the
 * request log ({@code GET /admin/requests}) that shows a multi-turn history grow.
 */
@ExtendWith(NoLeaks.class)
class TextApisInputTest {

    private static final String RESPONSES = "/v1/responses";
    private static final String COMPLETIONS = "/v1/completions";
    private final RecordingGate gate = new RecordingGate();
    private EmbeddedMock mock =
            new EmbeddedMock(
                    EmbeddedMock.config()
                            .withGate(gate)
                            .withBehavior(
                                    Behavior.ZERO_LATENCY.withOutputTokens(
                                            DistParser.counts("3"))));

    @AfterEach
    void close() {
        mock.close();
    }

    private RawResponse post(String path, String body, String... headers) {
        return RawResponse.parse(mock.send(EmbeddedMock.post(path, body, headers)).output());
    }

    private void assertBadRequest(String path, String body, int status, String param, String code) {
        RawResponse response = post(path, body);
        assertThat(response.status()).as(body).isEqualTo(status);
        assertThat(response.header("content-type")).isEqualTo("application/json");
        JsonNode error = response.error();
        assertThat(error.get("message").asText()).as(body).isNotBlank();
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        if (param == null) {
            assertThat(error.get("param").isNull()).as(body).isTrue();
        } else {
            assertThat(error.get("param").asText()).as(body).isEqualTo(param);
        }
        if (code == null) {
            assertThat(error.get("code").isNull()).as(body).isTrue();
        } else {
            assertThat(error.get("code").asText()).as(body).isEqualTo(code);
        }
    }

    @Test
    void badResponsesInputIsA4xxNamingTheParameter() {
        assertBadRequest(
                RESPONSES,
                "{\"model\":\"MiniMax-M3\"}",
                400,
                "input",
                "missing_required_parameter");
        assertBadRequest(RESPONSES, "{\"input\":\"hi\"}", 400, null, null);
        assertBadRequest(
                RESPONSES, "{\"model\":\"MiniMax-M3\",\"input\":7}", 400, "input", "invalid_type");
        assertBadRequest(
                RESPONSES, "{\"model\":\"MiniMax-M3\",\"input\":[]}", 400, "input", "empty_array");
        assertBadRequest(
                RESPONSES,
                "{\"model\":\"MiniMax-M3\",\"input\":[\"hi\"]}",
                400,
                "input[0]",
                "invalid_type");
        assertBadRequest(
                RESPONSES,
                "{\"model\":\"MiniMax-M3\",\"input\":[{\"role\":\"robot\",\"content\":\"x\"}]}",
                400,
                "input[0].role",
                "invalid_value");
        assertBadRequest(
                RESPONSES,
                "{\"model\":\"MiniMax-M3\",\"input\":[{\"role\":\"user\"}]}",
                400,
                "input[0].content",
                "missing_required_parameter");
        assertBadRequest(
                RESPONSES,
                "{\"model\":\"MiniMax-M3\",\"input\":\"x\",\"instructions\":5}",
                400,
                "instructions",
                "invalid_type");
        assertBadRequest(
                RESPONSES,
                "{\"model\":\"MiniMax-M3\",\"input\":\"x\",\"max_output_tokens\":0}",
                400,
                "max_output_tokens",
                "integer_out_of_range");
        assertBadRequest(
                RESPONSES,
                "{\"model\":\"MiniMax-M3\",\"input\":\"x\",\"stream\":\"yes\"}",
                400,
                "stream",
                "invalid_type");
        assertBadRequest(
                RESPONSES,
                "{\"model\":\"MiniMax-M3\",\"input\":\"x\",\"previous_response_id\":\"resp_1\"}",
                400,
                "previous_response_id",
                "unsupported_parameter");
        assertBadRequest(
                RESPONSES, "{\"model\":\"no-such\",\"input\":\"x\"}", 404, null, "model_not_found");
        assertBadRequest(
                RESPONSES,
                "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}",
                404,
                "model",
                null);
        assertBadRequest(RESPONSES, "{\"model\":\"MiniMax-M3\",\"input\":\"x\"", 400, null, null);
        assertThat(gate.admissions).isEmpty();
    }

    @Test
    void badCompletionsInputIsA4xxNamingTheParameter() {
        assertBadRequest(
                COMPLETIONS,
                "{\"model\":\"MiniMax-M3\"}",
                400,
                "prompt",
                "missing_required_parameter");
        assertBadRequest(
                COMPLETIONS,
                "{\"model\":\"MiniMax-M3\",\"prompt\":{}}",
                400,
                "prompt",
                "invalid_type");
        assertBadRequest(
                COMPLETIONS,
                "{\"model\":\"MiniMax-M3\",\"prompt\":[]}",
                400,
                "prompt",
                "empty_array");
        assertBadRequest(
                COMPLETIONS,
                "{\"model\":\"MiniMax-M3\",\"prompt\":[\"a\",3]}",
                400,
                "prompt[1]",
                "invalid_type");
        assertBadRequest(
                COMPLETIONS,
                "{\"model\":\"MiniMax-M3\",\"prompt\":\"a\",\"max_tokens\":\"5\"}",
                400,
                "max_tokens",
                "invalid_type");
        assertBadRequest(
                COMPLETIONS,
                "{\"model\":\"MiniMax-M3\",\"prompt\":\"a\",\"n\":0}",
                400,
                "n",
                "integer_out_of_range");
        assertBadRequest(
                COMPLETIONS,
                "{\"model\":\"MiniMax-M3\",\"prompt\":\"a\",\"echo\":true}",
                400,
                "echo",
                "unsupported_value");
        assertBadRequest(
                COMPLETIONS,
                "{\"model\":\"MiniMax-M3\",\"prompt\":\"a\",\"stream_options\":{\"include_usage\":true}}",
                400,
                "stream_options",
                "invalid_value");
        assertBadRequest(
                COMPLETIONS, "{\"model\":\"nope\",\"prompt\":\"a\"}", 404, null, "model_not_found");
        assertThat(gate.admissions).isEmpty();
        RawResponse get =
                RawResponse.parse(
                        mock.send("GET /v1/completions HTTP/1.1\r\nHost: x\r\n\r\n").output());
        assertThat(get.status()).isEqualTo(405);
    }

    @Test
    void whatLoadToolsSendIsAccepted() {
        // vllm bench serve (openai backend), with --ignore-eos
        RawResponse vllm =
                post(
                        COMPLETIONS,
                        "{\"model\":\"MiniMax-M3\",\"prompt\":\"hello\",\"repetition_penalty\":1.0,"
                                + "\"max_tokens\":2,\"logprobs\":null,\"stream\":false,"
                                + "\"ignore_eos\":true}");
        assertThat(vllm.status()).isEqualTo(200);
        assertThat(vllm.json().at("/choices/0/finish_reason").asText()).isEqualTo("length");
        // token-id prompts count one token per id
        RawResponse ids =
                post(COMPLETIONS, "{\"model\":\"MiniMax-M3\",\"prompt\":[[1,2,3],[4,5]]}");
        assertThat(ids.json().at("/usage/prompt_tokens").asInt()).isEqualTo(5);
        assertThat(ids.json().get("choices")).hasSize(2);
        // AIPerf responses: typed message items, include_usage stream option (ignored)
        RawResponse aiperf =
                post(
                        RESPONSES,
                        "{\"model\":\"MiniMax-M3\",\"input\":[{\"type\":\"message\",\"role\":\"user\","
                                + "\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}],"
                                + "\"stream_options\":{\"include_usage\":true},\"max_output_tokens\":8,"
                                + "\"instructions\":\"sys\",\"tools\":[],\"store\":false}");
        assertThat(aiperf.status()).isEqualTo(200);
        assertThat(aiperf.json().get("store").asBoolean()).isFalse();
        assertThat(aiperf.json().get("instructions").asText()).isEqualTo("sys");
        // 3 + (4 + 1) + instructions (4 + 1)
        assertThat(aiperf.json().at("/usage/input_tokens").asInt()).isEqualTo(13);
    }

    @Test
    void responsesEventsAreNumberedFromZeroAndTypedLikeTheirEventLine() {
        mock.send(
                EmbeddedMock.post(
                        RESPONSES, "{\"model\":\"MiniMax-M3\",\"stream\":true,\"input\":\"hi\"}"));
        String wire = mock.output() + mock.advanceMillis(10).output();
        List<String> eventNames = new ArrayList<>();
        wire.lines()
                .filter(l -> l.startsWith("event: "))
                .forEach(l -> eventNames.add(l.substring(7)));
        List<JsonNode> events = TextApisFaultTest.dataEvents(wire);
        assertThat(events).hasSameSizeAs(eventNames).hasSize(4 + 3 + 4);
        String itemId = events.get(2).at("/item/id").asText();
        assertThat(itemId).startsWith("msg_");
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequence_number").asInt()).isEqualTo(i);
            assertThat(event.get("type").asText()).isEqualTo(eventNames.get(i));
            if (event.has("item_id")) {
                assertThat(event.get("item_id").asText()).isEqualTo(itemId);
            }
            if (event.has("delta")) {
                assertThat(event.get("logprobs").isArray()).isTrue();
            }
        }
        JsonNode completed = events.get(events.size() - 1).get("response");
        assertThat(completed.at("/output/0/id").asText()).isEqualTo(itemId);
        assertThat(completed.at("/usage/input_tokens_details/cache_write_tokens").asInt()).isZero();
        assertThat(wire).doesNotContain("[DONE]");
    }

    @Test
    void requestLogShowsAMultiTurnHistoryGrowAndHeaderNamesWithoutValues() {
        String[] inputs = {
            "\"hi\"",
            "[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"a\"},"
                    + "{\"role\":\"user\",\"content\":\"more\"}]",
            "[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"a\"},"
                    + "{\"role\":\"user\",\"content\":\"more\"},{\"role\":\"assistant\",\"content\":\"b\"},"
                    + "{\"role\":\"user\",\"content\":\"again\"}]"
        };
        for (String input : inputs) {
            assertThat(
                            post(
                                            RESPONSES,
                                            "{\"model\":\"MiniMax-M3\",\"input\":" + input + "}",
                                            "X-Portkey-Config: secret-config-value-123")
                                    .status())
                    .isEqualTo(200);
        }
        assertThat(
                        post(
                                        "/v1/chat/completions",
                                        "{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":\"system\","
                                                + "\"content\":\"s\"},{\"role\":\"user\",\"content\":\"u\"}]}")
                                .status())
                .isEqualTo(200);
        assertThat(
                        post(COMPLETIONS, "{\"model\":\"MiniMax-M3\",\"prompt\":[\"a\",\"b\"]}")
                                .status())
                .isEqualTo(200);
        RawResponse log = adminGet("/admin/requests");
        assertThat(log.status()).isEqualTo(200);
        JsonNode rows = log.json().get("data");
        assertThat(rows).hasSize(5);
        assertThat(rows.findValuesAsText("message_count")).containsExactly("1", "3", "5", "2", "2");
        assertThat(rows.findValuesAsText("endpoint"))
                .containsExactly(
                        RESPONSES, RESPONSES, RESPONSES, "/v1/chat/completions", COMPLETIONS);
        assertThat(rows.get(0).get("header_names").toString())
                .contains("\"x-portkey-config\"", "\"authorization\"", "\"content-type\"");
        assertThat(log.body())
                .doesNotContain("secret-config-value-123")
                .doesNotContain("sk-tokenbench-local");
        RawResponse page = adminGet("/admin/requests?after=3&limit=1");
        assertThat(page.json().get("data")).hasSize(1);
        assertThat(page.json().at("/data/0/seq").asInt()).isEqualTo(4);
        assertThat(page.json().get("has_more").asBoolean()).isTrue();
        assertThat(page.json().get("next_after").asInt()).isEqualTo(4);
        assertThat(adminGet("/admin/requests?limit=0").status()).isEqualTo(400);
        assertThat(
                        RawResponse.parse(
                                        mock.send(
                                                        "GET /admin/requests HTTP/1.1\r\nHost: x\r\n"
                                                                + "Authorization: Bearer wrong\r\n\r\n")
                                                .output())
                                .status())
                .isEqualTo(401);
    }

    private RawResponse adminGet(String pathAndQuery) {
        return RawResponse.parse(
                mock.send(
                                "GET "
                                        + pathAndQuery
                                        + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer admin-test-token\r\n\r\n")
                        .output());
    }
}
