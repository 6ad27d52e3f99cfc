package io.tokenbench.mock.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tls} on loopback: clients that trust the written CA succeed (by IP and by name, the SDK
 * and the JDK client, streams too), clients that do not fail the handshake; with mutual TLS, only
 * clients presenting an accepted certificate get an answer.
 */
@ExtendWith(NoLeaks.class)
class TlsServerTest {

    @TempDir Path dir;

    private static MockUpstream start(TlsConfig tls) {
        return MockUpstream.start(
                MockConfig.defaults()
                        .withPort(0)
                        .withIoThreads(1)
                        .withBehavior(
                                Behavior.ZERO_LATENCY.withOutputTokens(DistParser.counts("3"))),
                tls);
    }

    private static HttpClient client(SSLContext context) {
        HttpClient.Builder builder =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5));
        return (context == null ? builder : builder.sslContext(context)).build();
    }

    private static HttpResponse<String> post(HttpClient http, String url, String path, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .header("Authorization", "Bearer " + MockConfig.DEFAULT_API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final String STREAM =
            "{\"model\":\"MiniMax-M3\",\"stream\":true,\"input\":\"hi\"}";

    @Test
    void clientsTrustingTheWrittenCaSucceedAndOthersFailTheHandshake() throws Exception {
        Path ca = dir.resolve("ca.pem");
        try (MockUpstream mock = start(TlsConfig.DEFAULTS.withCaCertOut(ca))) {
            assertThat(mock.baseUrl()).startsWith("https://127.0.0.1:");
            assertThat(mock.caCertificateFile()).contains(ca);
            X509Certificate caCert = PemFiles.readCertificates(ca).get(0);
            assertThat(caCert.getBasicConstraints())
                    .as("a CA certificate")
                    .isGreaterThanOrEqualTo(0);
            HttpClient trusting = client(TlsClients.context(ca, null, null));
            HttpResponse<String> stream = post(trusting, mock.baseUrl(), "/v1/responses", STREAM);
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.body()).contains("event: response.completed");
            HttpResponse<String> byName =
                    post(
                            trusting,
                            "https://localhost:" + mock.port(),
                            "/v1/chat/completions",
                            "{\"model\":\"MiniMax-M3\",\"stream\":true,\"messages\":"
                                    + "[{\"role\":\"user\",\"content\":\"hi\"}]}");
            assertThat(byName.body()).endsWith("data: [DONE]\n\n");

            assertThatThrownBy(() -> post(client(null), mock.baseUrl(), "/v1/responses", STREAM))
                    .isInstanceOf(IOException.class)
                    .satisfies(
                            e ->
                                    assertThat(e.toString() + e.getCause())
                                            .containsIgnoringCase("certification path"));

            OpenAIClient sdk =
                    OpenAIOkHttpClient.builder()
                            .baseUrl(mock.baseUrl() + "/v1")
                            .apiKey(MockConfig.DEFAULT_API_KEY)
                            .sslSocketFactory(TlsClients.context(ca, null, null).getSocketFactory())
                            .trustManager(TlsClients.trusting(ca))
                            .responseValidation(true)
                            .maxRetries(0)
                            .build();
            try {
                Response response =
                        sdk.responses()
                                .create(
                                        ResponseCreateParams.builder()
                                                .model("MiniMax-M3")
                                                .input("hi")
                                                .build());
                assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(3);
            } finally {
                sdk.close();
            }
        }
    }

    @Test
    void mutualTlsWithAGeneratedClientCertificate() throws Exception {
        Path ca = dir.resolve("ca.pem");
        Path cert = dir.resolve("client.pem");
        Path key = dir.resolve("client.key");
        try (MockUpstream mock =
                start(TlsConfig.DEFAULTS.withCaCertOut(ca).withClientCertificateOut(cert, key))) {
            if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                        .isEqualTo("rw-------");
            }
            HttpResponse<String> withCert =
                    post(
                            client(TlsClients.context(ca, cert, key)),
                            mock.baseUrl(),
                            "/v1/completions",
                            "{\"model\":\"MiniMax-M3\",\"prompt\":\"hi\"}");
            assertThat(withCert.statusCode()).isEqualTo(200);
            assertThat(withCert.body()).contains("\"object\":\"text_completion\"");
            assertThatThrownBy(
                            () ->
                                    post(
                                            client(TlsClients.context(ca, null, null)),
                                            mock.baseUrl(),
                                            "/v1/completions",
                                            "{\"model\":\"MiniMax-M3\",\"prompt\":\"hi\"}"))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void mutualTlsWithTheUsersClientCa() throws Exception {
        CertificateAuthority users = new CertificateAuthority("users CA");
        Path usersCa = dir.resolve("users-ca.pem");
        PemFiles.writeCertificates(usersCa, List.of(users.certificate()));
        CertificateAuthority.Issued alice =
                users.issue("alice", CertificateAuthority.Purpose.CLIENT, List.of(), List.of());
        Path aliceCert = dir.resolve("alice.pem");
        Path aliceKey = dir.resolve("alice.key");
        PemFiles.writeCertificates(aliceCert, List.of(alice.certificate()));
        PemFiles.writePrivateKey(aliceKey, alice.keys().getPrivate());
        CertificateAuthority other = new CertificateAuthority("other CA");
        CertificateAuthority.Issued mallory =
                other.issue("mallory", CertificateAuthority.Purpose.CLIENT, List.of(), List.of());
        Path malloryCert = dir.resolve("mallory.pem");
        Path malloryKey = dir.resolve("mallory.key");
        PemFiles.writeCertificates(malloryCert, List.of(mallory.certificate()));
        PemFiles.writePrivateKey(malloryKey, mallory.keys().getPrivate());
        Path ca = dir.resolve("ca.pem");
        try (MockUpstream mock =
                start(TlsConfig.DEFAULTS.withCaCertOut(ca).withClientCa(usersCa))) {
            String body = "{\"model\":\"MiniMax-M3\",\"input\":\"hi\"}";
            assertThat(
                            post(
                                            client(TlsClients.context(ca, aliceCert, aliceKey)),
                                            mock.baseUrl(),
                                            "/v1/responses",
                                            body)
                                    .statusCode())
                    .isEqualTo(200);
            assertThatThrownBy(
                            () ->
                                    post(
                                            client(TlsClients.context(ca, malloryCert, malloryKey)),
                                            mock.baseUrl(),
                                            "/v1/responses",
                                            body))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void anUnreadableClientCaIsAnErrorNamingTheFile() {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> start(TlsConfig.DEFAULTS.withClientCa(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.pem");
        assertThatThrownBy(
                        () ->
                                new TlsConfig(
                                        java.util.Optional.empty(),
                                        java.util.Optional.empty(),
                                        java.util.Optional.of(dir.resolve("c.pem")),
                                        java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
