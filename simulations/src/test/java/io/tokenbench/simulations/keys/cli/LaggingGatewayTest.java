package io.tokenbench.simulations.keys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.keys.http.MockAdmin;
import io.tokenbench.simulations.keys.http.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, live mode against the in-process mock posing as a gateway (keys in environment
 * variables, the ledger read from the usage endpoint only): a correct gateway whose usage endpoint
 * lags passes with the lag reported as a figure; coverage is explicit; the claimed limit is checked
 * against {@code total_granted}; every "could not run" names its real cause.
 */
class LaggingGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path runs;

    private static String reveal(Secret s) throws Exception {
        Field f = Secret.class.getDeclaredField("value");
        f.setAccessible(true);
        return (String) f.get(s);
    }

    private record Run(int exit, String text, JsonNode root) {
        String verdict(String check) {
            return check(check).path("verdict").asText();
        }

        JsonNode check(String name) {
            for (JsonNode c : root.path("checks")) {
                if (c.path("name").asText().equals(name)) {
                    return c;
                }
            }
            throw new AssertionError("no check " + name + "\n" + text);
        }
    }

    /** Keys of 500 micro-Credits (and an unlimited one) on a mock with the given switches. */
    private Run live(String enforcementJson, int keys, List<String> options) throws Exception {
        try (InProcessMock mock = InProcessMock.start()) {
            MockAdmin admin = new MockAdmin(mock.baseUrl(), Secret.of(mock.adminToken()));
            if (enforcementJson != null) {
                admin.putEnforcement(enforcementJson);
            }
            Map<String, String> env = new HashMap<>();
            List<String> args = new ArrayList<>(List.of("--url", mock.baseUrl().toString()));
            for (int i = 0; i < keys; i++) {
                env.put(
                        "PT_KEY_" + i,
                        reveal(admin.createKey("k" + i, 500L, "none", "none").secret()));
                args.addAll(List.of("--key-env", "PT_KEY_" + i));
            }
            env.put("PT_UNLIMITED", reveal(admin.createKey("u", null, "none", "none").secret()));
            args.addAll(List.of("--unlimited-key-env", "PT_UNLIMITED", "--runs", runs.toString()));
            args.addAll(options);
            return run(args, env);
        }
    }

    private Run run(List<String> args, Map<String, String> env) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit =
                KeysVerifyMain.run(
                        args.toArray(String[]::new),
                        env,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        for (String v : env.values()) {
            assertThat(text).doesNotContain(v);
        }
        JsonNode root = null;
        if (Files.isDirectory(runs)) {
            try (Stream<Path> s = Files.list(runs)) {
                Path dir = s.findFirst().orElse(null);
                if (dir != null) {
                    root = JSON.readTree(Files.readString(dir.resolve("enforcement.json")));
                }
            }
        }
        return new Run(exit, text, root);
    }

    @Test
    void aCorrectGatewayWhoseUsageEndpointLagsPassesWithTheLagMeasured() throws Exception {
        Run r =
                live(
                        "{\"ledger_read_lag\":\"1500ms\"}",
                        2,
                        List.of(
                                "--limit-credits",
                                "0.0005",
                                "--concurrency",
                                "1",
                                "--settle-timeout",
                                "5s"));
        assertThat(r.exit()).as(r.text() + r.check("accounting") + r.check("overshoot")).isZero();
        // Refusals judged against the settled ledger: pre-consume refusals with room for the
        // real cost, never "while the ledger had room for the estimate".
        assertThat(r.verdict("false_rejections")).as(r.text()).isNotEqualTo("fail");
        assertThat(r.check("false_rejections").path("evidence").path("false_rejections").asInt())
                .isZero();
        assertThat(r.verdict("cancel_billing")).as(r.text()).isEqualTo("pass");
        assertThat(r.verdict("accounting")).as(r.text()).isEqualTo("pass");
        JsonNode lag = r.check("accounting").path("evidence").path("propagation_lag");
        assertThat(lag.path("samples").asInt()).isEqualTo(3);
        assertThat(lag.path("p50_ms").asLong()).isGreaterThanOrEqualTo(1400);
        assertThat(lag.path("max_ms").asLong()).isGreaterThanOrEqualTo(lag.path("p50_ms").asLong());
        // Each key waited for its own settlement, and none ran out of time.
        for (JsonNode k : r.check("accounting").path("evidence").path("keys")) {
            assertThat(k.path("matrix_settle_ms").asLong()).isNotNegative();
        }
        assertThat(r.check("accounting").path("summary").asText())
                .contains("no logs read live")
                .doesNotContain("logs and usage agree");
    }

    @Test
    void aUsageEndpointThatNeverCatchesUpFailsAccounting() throws Exception {
        Run r =
                live(
                        "{\"ledger_read_lag\":\"1h\"}",
                        2,
                        List.of(
                                "--limit-credits",
                                "0.0005",
                                "--concurrency",
                                "1",
                                "--settle-timeout",
                                "1s"));
        assertThat(r.exit()).as(r.text()).isEqualTo(1);
        assertThat(r.verdict("accounting")).isEqualTo("fail");
        assertThat(r.check("accounting").path("summary").asText()).contains("never caught up");
        assertThat(
                        r.check("accounting")
                                .path("evidence")
                                .path("propagation_lag")
                                .path("not_shown_within_timeout")
                                .asInt())
                .isEqualTo(3);
    }

    @Test
    void twoKeysForSixteenCellsSayWhatRanAndWhatDidNot() throws Exception {
        Run r = live(null, 2, List.of("--limit-credits", "0.0005", "--settle-timeout", "2s"));
        assertThat(r.exit()).as(r.text()).isNotEqualTo(2);
        JsonNode e = r.check("overshoot").path("evidence");
        assertThat(e.path("coverage").path("cells_total").asInt()).isEqualTo(16);
        assertThat(e.path("coverage").path("cells_not_run").asInt()).isEqualTo(14);
        assertThat(e.path("cells_not_run")).hasSize(14);
        for (JsonNode c : e.path("cells_not_run")) {
            assertThat(c.path("verdict").asText()).isEqualTo("not_checked");
            assertThat(c.path("reason").asText()).contains("no key", "2 --key-env");
        }
        // The two keys cover a non-streaming and a streaming request.
        assertThat(e.path("cells").get(0).path("stream").asBoolean()).isFalse();
        assertThat(e.path("cells").get(1).path("stream").asBoolean()).isTrue();
        int checked = e.path("coverage").path("cells_checked").asInt();
        assertThat(r.text()).contains(", " + checked + " of 16 cells");
    }

    @Test
    void cellsStoppedByThePreConsumeFarBelowTheLimitAreNotAPass() throws Exception {
        // Keys of 500 micro-Credits, max_tokens 16 on gpt-4o-mini: the JSON-with-max_tokens cell
        // is refused by the estimate while the key still has room for real requests.
        Run r =
                live(
                        null,
                        2,
                        List.of(
                                "--limit-credits",
                                "0.0005",
                                "--concurrency",
                                "1",
                                "--max-tokens",
                                "2000",
                                "--settle-timeout",
                                "2s"));
        JsonNode first = r.check("overshoot").path("evidence").path("cells").get(0);
        assertThat(first.path("max_tokens").asInt()).as(r.text()).isEqualTo(2000);
        assertThat(first.path("verdict").asText()).as(first.toString()).isEqualTo("not_checked");
        assertThat(first.path("proves").asText()).contains("pre-consume", "says nothing");
        assertThat(
                        r.check("overshoot")
                                .path("evidence")
                                .path("coverage")
                                .path("cells_stopped_before_limit")
                                .asInt())
                .isPositive();
    }

    @Test
    void oneKeyCannotCoverStreamingAndIsExitTwo() throws Exception {
        Run r = live(null, 1, List.of("--limit-credits", "0.0005"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.text()).contains("--key-env", "streaming");
    }

    @Test
    void aClaimedLimitOtherThanTheGrantedOneIsExitTwoNamingBoth() throws Exception {
        Run r = live(null, 2, List.of("--limit-credits", "0.0004"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.text()).contains("--limit-credits", "0.0004", "total_granted 0.0005");
    }

    @Test
    void withoutTotalGrantedTheLimitIsTakenAsClaimed() throws Exception {
        Run r =
                live(
                        "{\"usage_reports_granted\":false}",
                        2,
                        List.of("--limit-credits", "0.0004", "--concurrency", "1"));
        assertThat(r.exit()).as(r.text()).isNotEqualTo(2);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Run unreachable(String... extra) throws IOException {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--url",
                                "http://127.0.0.1:" + closedPort(),
                                "--key-env",
                                "A",
                                "--key-env",
                                "B",
                                "--limit-credits",
                                "0.001"));
        args.addAll(List.of(extra));
        return run(args, Map.of("A", "sk-test-a-0000000000", "B", "sk-test-b-0000000000"));
    }

    @Test
    void anUnreachableTargetIsNamedNotBlamedOnTheModel() throws IOException {
        Run r = unreachable();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.text()).contains("connection refused").doesNotContain("--model");
    }

    @Test
    void anUnreachableTargetWithModelIsNotBlamedOnThePrice() throws IOException {
        Run r = unreachable("--model", "m");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.text()).contains("connection refused").doesNotContain("--price-in");
    }

    @Test
    void anUnreachableTargetWithPricesSaysWhyNotNull() throws IOException {
        Run r = unreachable("--model", "m", "--price-in", "1", "--price-out", "2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.text()).contains("connection refused").doesNotContain("null");
    }

    @Test
    void aKeyTheUsageEndpointRefusesIsNamedWith401() throws Exception {
        try (InProcessMock mock = InProcessMock.start()) {
            Run r =
                    run(
                            List.of(
                                    "--url",
                                    mock.baseUrl().toString(),
                                    "--key-env",
                                    "A",
                                    "--key-env",
                                    "B",
                                    "--limit-credits",
                                    "0.001",
                                    "--runs",
                                    runs.toString()),
                            Map.of("A", "sk-test-a-0000000000", "B", "sk-test-b-0000000000"));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.text()).contains("--key-env A", "answered 401");
        }
    }

    /** A loopback gateway with new-api's usage endpoint and a catalog without prices. */
    private static com.sun.net.httpserver.HttpServer unpricedGateway() throws IOException {
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(
                        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/api/usage/token/",
                x ->
                        answer(
                                x,
                                "{\"code\":true,\"data\":{\"total_granted\":0.001,"
                                        + "\"total_used\":0,\"total_available\":0.001,"
                                        + "\"unlimited_quota\":false,\"expires_at\":0}}"));
        server.createContext(
                "/v1/models",
                x ->
                        answer(
                                x,
                                "{\"object\":\"list\",\"data\":[{\"id\":\"alpha\"},"
                                        + "{\"id\":\"beta\"}]}"));
        server.start();
        return server;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange x, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void noPricedModelNamesTheCatalogItSaw() throws IOException {
        com.sun.net.httpserver.HttpServer server = unpricedGateway();
        try {
            Run r =
                    run(
                            List.of(
                                    "--url",
                                    "http://127.0.0.1:" + server.getAddress().getPort(),
                                    "--key-env",
                                    "A",
                                    "--key-env",
                                    "B",
                                    "--limit-credits",
                                    "0.001",
                                    "--runs",
                                    runs.toString()),
                            Map.of("A", "sk-test-a-0000000000", "B", "sk-test-b-0000000000"));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.text())
                    .contains("--model", "lists 2 model(s) (alpha, beta)", "0 with a chat price");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void tlsAgainstAPlainHttpPortIsNamedAsTls() throws Exception {
        // A plain HTTP server answers a TLS ClientHello with a plain-text 400, as real ones do.
        try (ServerSocket plain =
                new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread t =
                    new Thread(
                            () -> {
                                while (!plain.isClosed()) {
                                    try (java.net.Socket c = plain.accept()) {
                                        c.getInputStream().read(new byte[512]);
                                        c.getOutputStream()
                                                .write(
                                                        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                                                .getBytes(
                                                                        StandardCharsets.US_ASCII));
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            });
            t.setDaemon(true);
            t.start();
            Run r =
                    run(
                            List.of(
                                    "--url",
                                    "https://127.0.0.1:" + plain.getLocalPort(),
                                    "--key-env",
                                    "A",
                                    "--key-env",
                                    "B",
                                    "--limit-credits",
                                    "0.001",
                                    "--runs",
                                    runs.toString()),
                            Map.of("A", "sk-test-a-0000000000", "B", "sk-test-b-0000000000"));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.text()).contains("TLS handshake with 127.0.0.1:").doesNotContain("null");
        }
    }
}
