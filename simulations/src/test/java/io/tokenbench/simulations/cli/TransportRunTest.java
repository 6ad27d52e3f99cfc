package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.simulations.config.ApiKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS targets through {@code ./tokenbench run}: a TLS front (the JDK's HttpsServer with a keytool
 * certificate, forwarding to the mock) is trusted with {@code --ca-cert}, refused without it,
 * accepted with {@code --insecure} (warned on the console and in run.json); mutual TLS needs {@code
 * --client-cert}/{@code --client-key}; {@code HTTPS_PROXY} tunnels through a CONNECT proxy; {@code
 * --http2} falls back to HTTP/1.1 on a server without HTTP/2.
 */
class TransportRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path certDir;
    private static TestCerts certs;

    @BeforeAll
    static void certificates() throws Exception {
        certs = TestCerts.create(certDir);
    }

    /** Outcome of one CLI run: its console and its summary.json. */
    private record Result(int code, String console, JsonNode summary, JsonNode runJson) {
        long ok() {
            return summary.path("outcomes").path("ok").asLong();
        }

        long attempted() {
            return summary.path("requests").path("attempted").asLong();
        }
    }

    private static Result run(Path out, Map<String, String> env, String baseUrl, String... extra)
            throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "run",
                                "--base-url",
                                baseUrl,
                                "--lag-budget",
                                "10s",
                                "--out",
                                out.toString(),
                                "--rate",
                                "6",
                                "--duration",
                                "2s",
                                "--warmup",
                                "0s",
                                "--grace",
                                "4s",
                                "--timeout-first-token",
                                "3s"));
        args.addAll(List.of(extra));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("POWERTOKENS_API_KEY", ApiKey.MOCK_DEFAULT);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code = TokenbenchRun.run(args.toArray(String[]::new), p, p, all);
        Path dir = GatewayHeadersTest.runDir(out);
        return new Result(
                code,
                console.toString(StandardCharsets.UTF_8),
                JSON.readTree(dir.resolve("summary.json").toFile()),
                JSON.readTree(dir.resolve("run.json").toFile()));
    }

    /**
     * A run whose pre-flight must fail: exit 2, a message, no run folder; returns the console.
     * (With TLS 1.3 a server that wants a client certificate rejects it after the client's side of
     * the handshake ended, so that case surfaces as a closed connection, not a handshake error.)
     */
    private static String preflightRefuses(Path out, String baseUrl, String... extra)
            throws Exception {
        List<String> args =
                new ArrayList<>(List.of("run", "--base-url", baseUrl, "--out", out.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code =
                TokenbenchRun.run(
                        args.toArray(String[]::new),
                        p,
                        p,
                        Map.of("POWERTOKENS_API_KEY", ApiKey.MOCK_DEFAULT));
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(2);
        assertThat(text).contains("pre-flight request failed");
        try (var entries = java.nio.file.Files.list(out)) {
            assertThat(entries.filter(java.nio.file.Files::isDirectory).toList()).isEmpty();
        }
        return text;
    }

    @Test
    void caCertIsTrustedAndWithoutItTheHandshakeFails(@TempDir Path a, @TempDir Path b)
            throws Exception {
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 4);
                TestGateway tls =
                        TestGateway.https(
                                mock.baseUrl(), Map.of(), certs.serverContext(false), false)) {
            Result trusted =
                    run(
                            a,
                            Map.of(),
                            tls.baseUrl(),
                            "--ca-cert",
                            certs.serverCertPem.toString(),
                            "--http2");
            assertThat(trusted.attempted()).as(trusted.console()).isGreaterThanOrEqualTo(6);
            assertThat(trusted.ok()).isEqualTo(trusted.attempted());
            assertThat(trusted.runJson().path("parameters").path("transport").asText())
                    .contains("ca-cert server.pem")
                    .contains("http2");

            assertThat(preflightRefuses(b.resolve("preflight"), tls.baseUrl()))
                    .contains("TLS handshake failed");
            // the load path classifies the same failure when the pre-flight is skipped
            Result untrusted = run(b, Map.of(), tls.baseUrl(), "--no-preflight");
            assertThat(untrusted.attempted()).isGreaterThanOrEqualTo(6);
            assertThat(untrusted.ok()).isZero();
        }
    }

    @Test
    void insecureTrustsAnyCertificateAndSaysSo(@TempDir Path out) throws Exception {
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 4);
                TestGateway tls =
                        TestGateway.https(
                                mock.baseUrl(), Map.of(), certs.serverContext(false), false)) {
            Result r = run(out, Map.of(), tls.baseUrl(), "--insecure");
            assertThat(r.ok()).isEqualTo(r.attempted()).isGreaterThanOrEqualTo(6);
            assertThat(r.console()).contains("WARNING: --insecure");
            assertThat(r.runJson().path("parameters").path("warning").asText())
                    .contains("not verified");
        }
    }

    @Test
    void mutualTlsNeedsTheClientCertificate(@TempDir Path a, @TempDir Path b) throws Exception {
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 4);
                TestGateway mtls =
                        TestGateway.https(
                                mock.baseUrl(), Map.of(), certs.serverContext(true), true)) {
            Result withCert =
                    run(
                            a,
                            Map.of(),
                            mtls.baseUrl(),
                            "--ca-cert",
                            certs.serverCertPem.toString(),
                            "--client-cert",
                            certs.clientCertPem.toString(),
                            "--client-key",
                            certs.clientKeyPem.toString());
            assertThat(withCert.ok())
                    .as(withCert.console())
                    .isEqualTo(withCert.attempted())
                    .isGreaterThanOrEqualTo(6);
            preflightRefuses(
                    b.resolve("preflight"),
                    mtls.baseUrl(),
                    "--ca-cert",
                    certs.serverCertPem.toString());
            Result without =
                    run(
                            b,
                            Map.of(),
                            mtls.baseUrl(),
                            "--ca-cert",
                            certs.serverCertPem.toString(),
                            "--no-preflight");
            assertThat(without.attempted()).isGreaterThanOrEqualTo(6);
            assertThat(without.ok()).isZero();
        }
    }

    @Test
    void httpsProxyFromTheEnvironmentTunnelsEveryConnection(@TempDir Path out) throws Exception {
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 4);
                TestGateway tls =
                        TestGateway.https(
                                mock.baseUrl(), Map.of(), certs.serverContext(false), false);
                TestConnectProxy proxy = new TestConnectProxy()) {
            Result r =
                    run(
                            out,
                            Map.of("HTTPS_PROXY", proxy.url()),
                            tls.baseUrl(),
                            "--ca-cert",
                            certs.serverCertPem.toString());
            assertThat(r.ok()).as(r.console()).isEqualTo(r.attempted()).isGreaterThanOrEqualTo(6);
            String authority = tls.baseUrl().substring("https://".length());
            assertThat(proxy.targets()).isNotEmpty().allMatch(authority::equals);
            assertThat(tls.forwarded()).isGreaterThanOrEqualTo(6);
        }
    }
}
