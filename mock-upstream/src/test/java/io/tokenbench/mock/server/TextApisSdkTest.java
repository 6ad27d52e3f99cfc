package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseUsage;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.testing.NoLeaks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official openai-java SDK (response validation on where the SDK's own models allow it) against
 * the mock's legacy completions and Responses endpoints on a loopback port.
 */
@ExtendWith(NoLeaks.class)
class TextApisSdkTest {

    private static MockUpstream mock;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        mock =
                MockUpstream.start(
                        MockConfig.defaults()
                                .withPort(0)
                                .withIoThreads(1)
                                .withBehavior(
                                        Behavior.DEFAULT
                                                .withTtft(DistParser.durations("5ms"))
                                                .withItl(DistParser.durations("1ms"))
                                                .withOutputTokens(DistParser.counts("7"))));
        client = SdkConformanceTest.sdk(mock.baseUrl(), MockConfig.DEFAULT_API_KEY, 0);
    }

    @AfterAll
    static void stop() {
        client.close();
        mock.close();
    }

    @Test
    void completionsCreateValidates() {
        Completion completion =
                client.completions()
                        .create(
                                CompletionCreateParams.builder()
                                        .model("MiniMax-M3")
                                        .prompt("Once upon a time") // 16 chars: 4 tokens
                                        .maxTokens(100)
                                        .build());
        assertThat(completion.id()).startsWith("cmpl-");
        assertThat(completion.choices()).hasSize(1);
        CompletionChoice choice = completion.choices().get(0);
        assertThat(choice.text().split(" ")).hasSize(7);
        assertThat(choice.finishReason()).isEqualTo(CompletionChoice.FinishReason.STOP);
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(4);
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(7);
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(11);
    }

    @Test
    void completionsDefaultMaxTokensIsSixteenAndCutsWithLength() {
        Completion completion =
                client.completions()
                        .create(
                                CompletionCreateParams.builder()
                                        .model("MiniMax-M3")
                                        .promptOfArrayOfStrings(List.of("a", "b"))
                                        .maxTokens(3)
                                        .build());
        assertThat(completion.choices())
                .extracting(CompletionChoice::index)
                .containsExactly(0L, 1L);
        assertThat(completion.choices())
                .allSatisfy(
                        c -> {
                            assertThat(c.finishReason())
                                    .isEqualTo(CompletionChoice.FinishReason.LENGTH);
                            assertThat(c.text().split(" ")).hasSize(3);
                        });
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(6);
    }

    @Test
    void completionsStreamingJoinsToTheTextAndEndsWithUsage() {
        // The SDK's CompletionChoice requires a non-null finish_reason, which streamed chunks (as
        // OpenAI and vLLM send them) carry only at the end: stream without response validation.
        OpenAIClient lenient =
                com.openai.client.okhttp.OpenAIOkHttpClient.builder()
                        .baseUrl(mock.baseUrl() + "/v1")
                        .apiKey(MockConfig.DEFAULT_API_KEY)
                        .maxRetries(0)
                        .build();
        StringBuilder text = new StringBuilder();
        List<Completion> chunks = new ArrayList<>();
        try (StreamResponse<Completion> stream =
                lenient.completions()
                        .createStreaming(
                                CompletionCreateParams.builder()
                                        .model("MiniMax-M3")
                                        .prompt("Once upon a time")
                                        .maxTokens(100)
                                        .streamOptions(
                                                ChatCompletionStreamOptions.builder()
                                                        .includeUsage(true)
                                                        .build())
                                        .build())) {
            stream.stream().forEach(chunks::add);
        } finally {
            lenient.close();
        }
        for (Completion chunk : chunks) {
            chunk.choices().forEach(c -> text.append(c.text()));
        }
        // 7 text chunks, a finish chunk, a usage chunk
        assertThat(chunks).hasSize(9);
        assertThat(chunks).extracting(Completion::id).containsOnly(chunks.get(0).id());
        assertThat(text.toString().split(" ")).hasSize(7);
        Completion finish = chunks.get(7);
        assertThat(finish.choices().get(0).finishReason())
                .isEqualTo(CompletionChoice.FinishReason.STOP);
        Completion usage = chunks.get(8);
        assertThat(usage.choices()).isEmpty();
        assertThat(usage.usage().orElseThrow().completionTokens()).isEqualTo(7);
        assertThat(usage.usage().orElseThrow().promptTokens()).isEqualTo(4);
    }

    @Test
    void responsesCreateValidates() {
        Response response =
                client.responses()
                        .create(
                                ResponseCreateParams.builder()
                                        .model("MiniMax-M3")
                                        .instructions("Be brief.") // 9 chars: 4 + 3 tokens
                                        .input("Say hello") // 9 chars: 4 + 3 tokens
                                        .build());
        assertThat(response.id()).startsWith("resp_");
        assertThat(response.status()).contains(ResponseStatus.COMPLETED);
        assertThat(response.instructions()).isPresent();
        assertThat(text(response).split(" ")).hasSize(7);
        ResponseUsage usage = response.usage().orElseThrow();
        assertThat(usage.inputTokens()).isEqualTo(3 + 7 + 7);
        assertThat(usage.outputTokens()).isEqualTo(7);
        assertThat(usage.totalTokens()).isEqualTo(3 + 7 + 7 + 7);
        assertThat(usage.inputTokensDetails().cachedTokens()).isZero();
        assertThat(usage.outputTokensDetails().reasoningTokens()).isZero();
    }

    @Test
    void responsesMaxOutputTokensEndsIncomplete() {
        Response response =
                client.responses()
                        .create(
                                ResponseCreateParams.builder()
                                        .model("MiniMax-M3")
                                        .input("Say hello")
                                        .maxOutputTokens(3)
                                        .build());
        assertThat(response.status()).contains(ResponseStatus.INCOMPLETE);
        assertThat(response.incompleteDetails().orElseThrow().reason())
                .contains(Response.IncompleteDetails.Reason.MAX_OUTPUT_TOKENS);
        assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(3);
    }

    @Test
    void responsesStreamingIsAcceptedEventByEventAndAccumulates() {
        ResponseAccumulator accumulator = ResponseAccumulator.createWithSnapshots();
        List<String> kinds = new ArrayList<>();
        StringBuilder deltas = new StringBuilder();
        try (StreamResponse<ResponseStreamEvent> stream =
                client.responses()
                        .createStreaming(
                                ResponseCreateParams.builder()
                                        .model("MiniMax-M3")
                                        .input(
                                                ResponseCreateParams.Input.ofResponse(
                                                        List.of(
                                                                user("Say hello"),
                                                                assistant("Hello"),
                                                                user("Again"))))
                                        .build())) {
            stream.stream()
                    .forEach(
                            event -> {
                                accumulator.accumulate(event);
                                kinds.add(kind(event));
                                event.outputTextDelta().ifPresent(d -> deltas.append(d.delta()));
                            });
        }
        assertThat(kinds)
                .containsExactly(
                        "created",
                        "in_progress",
                        "output_item.added",
                        "content_part.added",
                        "delta",
                        "delta",
                        "delta",
                        "delta",
                        "delta",
                        "delta",
                        "delta",
                        "output_text.done",
                        "content_part.done",
                        "output_item.done",
                        "completed");
        Response response = accumulator.response();
        assertThat(response.status()).contains(ResponseStatus.COMPLETED);
        assertThat(text(response)).isEqualTo(deltas.toString());
        assertThat(text(accumulator.reconstructedResponse())).isEqualTo(deltas.toString());
        // 3 + (4 + 3) + (4 + 2) + (4 + 2)
        assertThat(response.usage().orElseThrow().inputTokens()).isEqualTo(22);
        assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(7);
    }

    @Test
    void badInputIsAnOpenAiStyleError() {
        assertThatThrownBy(
                        () ->
                                client.responses()
                                        .create(
                                                ResponseCreateParams.builder()
                                                        .model("no-such-model")
                                                        .input("x")
                                                        .build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-model");
        assertThatThrownBy(
                        () ->
                                client.completions()
                                        .create(
                                                CompletionCreateParams.builder()
                                                        .model("MiniMax-M3")
                                                        .prompt("x")
                                                        .echo(true)
                                                        .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("echo");
    }

    private static ResponseInputItem user(String text) {
        return ResponseInputItem.ofEasyInputMessage(
                EasyInputMessage.builder().role(EasyInputMessage.Role.USER).content(text).build());
    }

    private static ResponseInputItem assistant(String text) {
        return ResponseInputItem.ofEasyInputMessage(
                EasyInputMessage.builder()
                        .role(EasyInputMessage.Role.ASSISTANT)
                        .content(text)
                        .build());
    }

    static String text(Response response) {
        return response.output().get(0).asMessage().content().get(0).asOutputText().text();
    }

    /** The event's kind as the SDK typed it; fails on an event the SDK did not recognise. */
    static String kind(ResponseStreamEvent e) {
        if (e.isCreated()) {
            return "created";
        }
        if (e.isInProgress()) {
            return "in_progress";
        }
        if (e.isOutputItemAdded()) {
            return "output_item.added";
        }
        if (e.isContentPartAdded()) {
            return "content_part.added";
        }
        if (e.isOutputTextDelta()) {
            return "delta";
        }
        if (e.isOutputTextDone()) {
            return "output_text.done";
        }
        if (e.isContentPartDone()) {
            return "content_part.done";
        }
        if (e.isOutputItemDone()) {
            return "output_item.done";
        }
        if (e.isCompleted()) {
            return "completed";
        }
        if (e.isIncomplete()) {
            return "incomplete";
        }
        if (e.isFailed()) {
            return "failed";
        }
        if (e.isError()) {
            return "error";
        }
        throw new AssertionError("an event the SDK did not type: " + e);
    }
}
