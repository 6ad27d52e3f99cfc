package io.tokenbench.benchmarks.client;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.tokenbench.benchmarks.target.Endpoint;
import java.time.Duration;
import java.util.Iterator;

/**
 * The official openai-java SDK ({@code OpenAIOkHttpClient}) as an application would use it: base
 * URL with {@code /v1}, no retries (a retry would hide an error), typed params built once, typed
 * chunks per event.
 */
final class SdkChatClient implements ChatClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final OpenAIClient client;
    private final ChatCompletionCreateParams params;

    SdkChatClient(Endpoint endpoint, ChatPrompt prompt) {
        this.client =
                OpenAIOkHttpClient.builder()
                        .baseUrl(endpoint.baseUrlV1().toString())
                        .apiKey(endpoint.apiKey())
                        .maxRetries(0)
                        .timeout(TIMEOUT)
                        .build();
        ChatCompletionCreateParams.Builder params =
                ChatCompletionCreateParams.builder()
                        .model(prompt.model())
                        .addUserMessage(prompt.userText())
                        .maxCompletionTokens(prompt.maxTokens());
        // per-request headers replace the client's (Authorization from apiKey included)
        endpoint.headers().forEach(params::putAdditionalHeader);
        this.params = params.build();
    }

    @Override
    public long complete() {
        try {
            ChatCompletion completion = client.chat().completions().create(params);
            return completion
                    .usage()
                    .orElseThrow(() -> new ChatFailure("answer has no usage"))
                    .completionTokens();
        } catch (OpenAIException e) {
            throw new ChatFailure("openai-java: " + e.getMessage(), e);
        }
    }

    @Override
    public StreamCall stream() {
        try {
            return new SdkStream(client.chat().completions().createStreaming(params));
        } catch (OpenAIException e) {
            throw new ChatFailure("openai-java: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * Reads the SDK's chunk iterator on the calling thread; the SDK ends the iterator at {@code
     * [DONE]}.
     */
    private static final class SdkStream implements StreamCall {
        private final StreamResponse<ChatCompletionChunk> response;
        private final Iterator<ChatCompletionChunk> chunks;
        private long contentEvents;

        SdkStream(StreamResponse<ChatCompletionChunk> response) {
            this.response = response;
            this.chunks = response.stream().iterator();
        }

        @Override
        public void awaitFirstContent() {
            while (contentEvents == 0) {
                if (!next()) {
                    throw new ChatFailure("stream ended before any content");
                }
            }
        }

        @Override
        public long awaitEnd() {
            while (next()) {
                // counting happens in next()
            }
            return contentEvents;
        }

        /** One chunk; false at the end of the stream. */
        private boolean next() {
            try {
                if (!chunks.hasNext()) {
                    return false;
                }
                ChatCompletionChunk chunk = chunks.next();
                if (!chunk.choices().isEmpty()
                        && chunk.choices()
                                .get(0)
                                .delta()
                                .content()
                                .filter(s -> !s.isEmpty())
                                .isPresent()) {
                    contentEvents++;
                }
                return true;
            } catch (OpenAIException e) {
                throw new ChatFailure("openai-java stream: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
