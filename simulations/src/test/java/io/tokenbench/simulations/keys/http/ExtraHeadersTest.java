package io.tokenbench.simulations.keys.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** keys verify's --header/--header-env: parsed, resolved, and sent by the gateway client. */
class ExtraHeadersTest {
    private static final String SECRET = "hdr-secret-91c2";

    @Test
    void literalAndEnvironmentHeadersAreResolvedAndErrorsNeverShowTheValue() {
        assertThat(
                        ExtraHeaders.resolve(
                                List.of("x-route: a", "x-route: b"),
                                List.of("x-key=K"),
                                Map.of("K", SECRET)))
                .containsExactly(Map.entry("x-route", "b"), Map.entry("x-key", SECRET));
        assertThatThrownBy(() -> ExtraHeaders.resolve(List.of("nocolon"), List.of(), Map.of()))
                .hasMessageStartingWith("--header:");
        assertThatThrownBy(() -> ExtraHeaders.resolve(List.of(), List.of("x=UNSET"), Map.of()))
                .hasMessageStartingWith("--header-env:")
                .hasMessageContaining("UNSET");
        assertThatThrownBy(
                        () ->
                                ExtraHeaders.resolve(
                                        List.of(), List.of("x=K"), Map.of("K", SECRET + "\n1")))
                .hasMessageStartingWith("--header-env:")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void theGatewayClientSendsTheExtraHeadersOnEveryCall() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                ex -> {
                    ex.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(), v.get(0)));
                    byte[] b = "{}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, b.length);
                    ex.getResponseBody().write(b);
                    ex.close();
                });
        server.start();
        try {
            GatewayClient client =
                    new GatewayClient(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                            Duration.ofSeconds(5),
                            Map.of("x-portkey-provider", "openai", "x-key", SECRET));
            client.call(new ChatProbe("m", "hi", false, null, 0, Map.of()), null);
            assertThat(seen)
                    .containsEntry("x-portkey-provider", "openai")
                    .containsEntry("x-key", SECRET);
        } finally {
            server.stop(0);
        }
    }
}
