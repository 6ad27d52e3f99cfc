package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionNamedToolChoice;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official openai-java SDK, with response validation on, against a mock on a loopback port. */
@ExtendWith(NoLeaks.class)
class SdkConformanceTest {

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
                                                .withOutputTokens(
                                                        DistParser.counts("uniform(5,12)"))));
        client = sdk(mock.baseUrl(), MockConfig.DEFAULT_API_KEY, 2);
    }

    @AfterAll
    static void stop() {
        client.close();
        mock.close();
    }

    static OpenAIClient sdk(String baseUrl, String apiKey, int maxRetries) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl + "/v1")
                .apiKey(apiKey)
                .responseValidation(true)
                .maxRetries(maxRetries)
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    private static ChatCompletionCreateParams.Builder params() {
        return ChatCompletionCreateParams.builder()
                .model("MiniMax-M3")
                .addUserMessage("Say something.");
    }

    @Test
    void nonStreamingCompletionValidates() {
        ChatCompletion completion = client.chat().completions().create(params().n(2).build());
        assertThat(completion.choices()).hasSize(2);
        assertThat(completion.choices().get(1).index()).isEqualTo(1);
        assertThat(completion.choices().get(0).message().content()).get().asString().isNotBlank();
        assertThat(completion.choices().get(0).finishReason())
                .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage())
                .get()
                .satisfies(
                        u -> {
                            assertThat(u.promptTokens())
                                    .isEqualTo(
                                            3 + 4 + 4); // "Say something." = 14 chars -> 4 tokens
                            assertThat(u.totalTokens())
                                    .isEqualTo(u.promptTokens() + u.completionTokens());
                        });
        assertThat(completion.model()).isEqualTo("MiniMax-M3");
    }

    @Test
    void streamingAccumulatesWithUsage() {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        int chunks = 0;
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat()
                        .completions()
                        .createStreaming(
                                params().streamOptions(
                                                ChatCompletionStreamOptions.builder()
                                                        .includeUsage(true)
                                                        .build())
                                        .build())) {
            for (ChatCompletionChunk chunk :
                    (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                accumulator.accumulate(chunk);
                chunks++;
            }
        }
        ChatCompletion completion = accumulator.chatCompletion();
        long completionTokens = completion.usage().orElseThrow().completionTokens();
        assertThat(completionTokens).isBetween(5L, 12L);
        // role chunk + one chunk per token + finish chunk + usage chunk
        assertThat(chunks).isEqualTo(1 + completionTokens + 1 + 1);
        String text = completion.choices().get(0).message().content().orElseThrow();
        assertThat(text.split(" ")).hasSize((int) completionTokens);
        assertThat(completion.choices().get(0).finishReason())
                .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    }

    @Test
    void streamedToolCallAccumulatesToValidArguments() {
        ChatCompletionFunctionTool tool =
                ChatCompletionFunctionTool.builder()
                        .function(
                                FunctionDefinition.builder()
                                        .name("get_weather")
                                        .parameters(
                                                FunctionParameters.builder()
                                                        .putAdditionalProperty(
                                                                "type", JsonValue.from("object"))
                                                        .putAdditionalProperty(
                                                                "properties",
                                                                JsonValue.from(
                                                                        Map.of(
                                                                                "city",
                                                                                Map.of(
                                                                                        "type",
                                                                                        "string"))))
                                                        .build())
                                        .build())
                        .build();
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat()
                        .completions()
                        .createStreaming(
                                params().addTool(tool)
                                        .toolChoice(
                                                ChatCompletionNamedToolChoice.builder()
                                                        .function(
                                                                ChatCompletionNamedToolChoice
                                                                        .Function.builder()
                                                                        .name("get_weather")
                                                                        .build())
                                                        .build())
                                        .build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(completion.choices().get(0).finishReason())
                .isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessageFunctionToolCall call =
                completion.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.id()).startsWith("call_");
        assertThat(call.function().arguments()).matches("\\{\"city\":\"[a-z ]*\"}");
    }

    @Test
    void maxCompletionTokensEndsWithLength() {
        ChatCompletion completion =
                client.chat().completions().create(params().maxCompletionTokens(2).build());
        assertThat(completion.choices().get(0).finishReason())
                .isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(2);
    }

    @Test
    void modelsListAndRetrieve() {
        List<Model> models = client.models().list().data();
        assertThat(models)
                .extracting(Model::id)
                .contains("MiniMax-M3", "text-embedding-3-small", "sora-2");
        assertThat(client.models().retrieve("MiniMax-M3").ownedBy()).isEqualTo("minimax");
        assertThatThrownBy(() -> client.models().retrieve("no-such-model"))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.code()).contains("model_not_found"));
    }

    @Test
    void errorStatusesMapToSdkExceptions() {
        OpenAIClient wrongKey = sdk(mock.baseUrl(), "sk-wrong", 0);
        assertThatThrownBy(() -> wrongKey.chat().completions().create(params().build()))
                .isInstanceOfSatisfying(
                        UnauthorizedException.class,
                        e -> assertThat(e.code()).contains("invalid_api_key"));
        wrongKey.close();
        assertThatThrownBy(
                        () -> client.chat().completions().create(params().model("gpt-9").build()))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.code()).contains("model_not_found"));
        assertThatThrownBy(() -> client.chat().completions().create(params().n(500).build()))
                .isInstanceOfSatisfying(
                        BadRequestException.class, e -> assertThat(e.param()).contains("n"));
        OpenAIClient noRetries = sdk(mock.baseUrl(), MockConfig.DEFAULT_API_KEY, 0);
        assertThatThrownBy(
                        () ->
                                noRetries
                                        .chat()
                                        .completions()
                                        .create(withFault(params(), "http_429")))
                .isInstanceOfSatisfying(
                        RateLimitException.class,
                        e -> assertThat(e.code()).contains("rate_limit_exceeded"));
        for (String fault : List.of("http_500", "http_502", "http_503")) {
            assertThatThrownBy(
                            () -> noRetries.chat().completions().create(withFault(params(), fault)))
                    .isInstanceOfSatisfying(
                            InternalServerException.class,
                            e ->
                                    assertThat(e.statusCode())
                                            .isEqualTo(Integer.parseInt(fault.substring(5))));
        }
        noRetries.close();
    }

    @Test
    void sdkRetriesOn429UntilTheFaultStopsHittingRetries() {
        long faultsBefore = mock.server().stats.faultCount(Fault.HTTP_429);
        long admittedBefore = mock.server().stats.admittedCount();
        // The fault hits attempts with X-Stainless-Retry-Count 0 and 1; the SDK's third attempt
        // (count 2) succeeds.
        ChatCompletion completion =
                client.chat()
                        .completions()
                        .create(
                                params().putAdditionalHeader("x-mock-fault", "http_429:10ms")
                                        .putAdditionalHeader("x-mock-fault-attempts", "2")
                                        .build());
        assertThat(completion.choices()).hasSize(1);
        assertThat(mock.server().stats.faultCount(Fault.HTTP_429) - faultsBefore).isEqualTo(2);
        assertThat(mock.server().stats.admittedCount() - admittedBefore).isEqualTo(3);
    }

    @Test
    void sdkGivesUpAfterTwoRetriesOn5xx() {
        long faultsBefore = mock.server().stats.faultCount(Fault.HTTP_503);
        long settledBefore =
                mock.server().stats.settledCount(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
        assertThatThrownBy(
                        () -> client.chat().completions().create(withFault(params(), "http_503")))
                .isInstanceOf(InternalServerException.class);
        assertThat(mock.server().stats.faultCount(Fault.HTTP_503) - faultsBefore).isEqualTo(3);
        assertThat(
                        mock.server()
                                        .stats
                                        .settledCount(
                                                Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE)
                                - settledBefore)
                .isEqualTo(3);
    }

    private static ChatCompletionCreateParams withFault(
            ChatCompletionCreateParams.Builder builder, String fault) {
        return builder.putAdditionalHeader("x-mock-fault", fault).build();
    }
}
