package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transport serving is the one asked for: the server channel's class and {@code /admin/stats}
 * say so, and a chat request is answered over it. Unavailable transports are skipped (this test
 * runs on every machine; on Linux x86-64 all three run).
 */
class TransportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Stream<Transport> available() {
        return Arrays.stream(Transport.values())
                .filter(t -> t != Transport.AUTO && t.isAvailable());
    }

    @ParameterizedTest
    @MethodSource("available")
    void servesOnTheTransportAskedFor(Transport transport) throws Exception {
        try (MockUpstream mock =
                MockUpstream.start(MockConfig.defaults().withPort(0).withTransport(transport))) {
            assertThat(mock.transport()).isEqualTo(transport);
            assertThat(mock.serverChannelClass().getSimpleName())
                    .startsWith(
                            switch (transport) {
                                case IO_URING -> "IoUring";
                                case EPOLL -> "Epoll";
                                default -> "Nio";
                            });
            assertThat(stats(mock).get("transport").asText()).isEqualTo(transport.wireName());
            HttpResponse<String> chat =
                    HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create(mock.baseUrl() + "/v1/chat/completions"))
                                    .header("Authorization", "Bearer " + MockConfig.DEFAULT_API_KEY)
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"model\":\"tokenbench-tiny\",\"messages\":"
                                                            + "[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(chat.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(chat.body()).get("object").asText())
                    .isEqualTo("chat.completion");
        }
    }

    @Test
    void autoServesOnTheFirstAvailableOfItsOrder() throws Exception {
        Transport expected =
                Transport.AUTO_ORDER.stream().filter(Transport::isAvailable).findFirst().get();
        try (MockUpstream mock =
                MockUpstream.start(
                        MockConfig.defaults().withPort(0).withTransport(Transport.AUTO))) {
            assertThat(mock.transport()).isEqualTo(expected);
            assertThat(stats(mock).get("transport").asText()).isEqualTo(expected.wireName());
        }
    }

    /**
     * In the per-transport surefire executions (pom.xml) the property names the transport: a mock
     * started from {@code MockConfig.defaults()}, as the other socket-level tests start theirs,
     * serves on it. Without the property: on the first available of {@code AUTO_ORDER}.
     */
    @Test
    void theDefaultsServeOnTheTransportThisRunAsksFor() throws Exception {
        String property = System.getProperty(MockConfig.TRANSPORT_PROPERTY);
        Transport expected =
                property == null ? Transport.AUTO.resolve() : Transport.parse(property).resolve();
        try (MockUpstream mock = MockUpstream.start(MockConfig.defaults().withPort(0))) {
            assertThat(mock.transport()).isEqualTo(expected);
            assertThat(stats(mock).get("transport").asText()).isEqualTo(expected.wireName());
        }
    }

    @Test
    void namesParseBothWaysAndUnknownNamesListTheChoices() {
        for (Transport transport : Transport.values()) {
            assertThat(Transport.parse(transport.wireName())).isEqualTo(transport);
        }
        assertThat(Transport.IO_URING.wireName()).isEqualTo("io_uring");
        assertThatThrownBy(() -> Transport.parse("EPOLL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io_uring, epoll, nio or auto");
    }

    @Test
    void theTransportPropertyChoosesTheDefaultsTransport() {
        String before = System.getProperty(MockConfig.TRANSPORT_PROPERTY);
        try {
            System.setProperty(MockConfig.TRANSPORT_PROPERTY, "nio");
            assertThat(MockConfig.defaults().transport()).isEqualTo(Transport.NIO);
            System.setProperty(MockConfig.TRANSPORT_PROPERTY, "kqueue");
            assertThatThrownBy(MockConfig::defaults)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(MockConfig.TRANSPORT_PROPERTY)
                    .hasMessageContaining("kqueue");
        } finally {
            if (before == null) {
                System.clearProperty(MockConfig.TRANSPORT_PROPERTY);
            } else {
                System.setProperty(MockConfig.TRANSPORT_PROPERTY, before);
            }
        }
    }

    private static JsonNode stats(MockUpstream mock) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/admin/stats"))
                                .header("Authorization", "Bearer " + mock.adminToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
