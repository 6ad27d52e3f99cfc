package io.tokenbench.mock.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.tokenbench.mock.openai.ParsedChat;

/**
 * {@code POST /v1/chat/completions}: the chat API ({@link ChatApi}) on the shared {@link
 * TextGeneration} pipeline. Event loop only; stateless apart from the context.
 */
final class ChatCompletions {

    static final String ENDPOINT = ChatApi.ENDPOINT;
    private final TextGeneration<ParsedChat> generation;

    ChatCompletions(ServerContext server) {
        this.generation = new TextGeneration<>(server, new ChatApi(server.chatReader));
    }

    /**
     * Handles the request; returns the in-flight work when the response continues later, else null.
     */
    InFlight handle(Exchange exchange, FullHttpRequest request) {
        return generation.handle(exchange, request);
    }
}
