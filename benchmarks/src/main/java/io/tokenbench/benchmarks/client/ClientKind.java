package io.tokenbench.benchmarks.client;

import io.tokenbench.benchmarks.target.Endpoint;

/**
 * The clients under test (a JMH {@code @Param}); each opens a {@link ChatClient} for an endpoint.
 */
public enum ClientKind {
    /** The official openai-java SDK ({@code OpenAIOkHttpClient}). */
    SDK,
    /** The JDK's {@code java.net.http.HttpClient} with minimal SSE framing. */
    JDK,
    /** A minimal Netty 4.2 client with minimal SSE framing. */
    NETTY;

    public ChatClient open(Endpoint endpoint, ChatPrompt prompt) {
        return switch (this) {
            case SDK -> new SdkChatClient(endpoint, prompt);
            case JDK -> new JdkChatClient(endpoint, prompt);
            case NETTY -> new NettyChatClient(endpoint, prompt);
        };
    }
}
