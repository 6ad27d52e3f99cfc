package io.tokenbench.benchmarks.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.tokenbench.benchmarks.target.Endpoint;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code bench --header}: every client sends the user's headers, and one named like the client's
 * own replaces it (a gateway that authenticates differently). The server is a plain JDK server on
 * loopback that records what arrives.
 */
class ClientHeadersTest {
    private static final String ANSWER =
            """
            {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",\
            "choices":[{"index":0,"message":{"role":"assistant","content":"hi"},\
            "finish_reason":"stop"}],\
            "usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}""";

    private final List<Headers> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/v1/chat/completions",
                exchange -> {
                    received.add(exchange.getRequestHeaders());
                    exchange.getRequestBody().readAllBytes();
                    byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void everyClientSendsTheExtraHeadersAndAUserAuthorizationReplacesItsOwn(ClientKind kind) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-portkey-provider", "openai");
        headers.put("Authorization", "Bearer gateway-token");
        Endpoint endpoint =
                new Endpoint(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"),
                        "sk-client-key",
                        "gpt-4o-mini",
                        false,
                        headers);
        try (ChatClient client =
                kind.open(endpoint, new ChatPrompt(endpoint.model(), "hello", 3))) {
            assertThat(client.complete()).isEqualTo(3);
        }
        assertThat(received).hasSize(1);
        Headers got = received.get(0);
        assertThat(got.get("X-portkey-provider")).containsExactly("openai");
        assertThat(got.get("Authorization")).containsExactly("Bearer gateway-token");
    }
}
