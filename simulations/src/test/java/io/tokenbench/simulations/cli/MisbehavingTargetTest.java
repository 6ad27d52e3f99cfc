package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.simulations.config.ApiKey;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./tokenbench run} against targets that misbehave (a closed port, a server that never
 * answers, one that resets after reading the request, one that answers 401 or 404 to everything,
 * the mock failing every request with 500): each run gets the right outcome names and counts, the
 * right exit code, and nothing is counted {@code ok} that the server did not answer. The
 * per-request records reconcile with summary.json. All on loopback.
 */
class MisbehavingTargetTest {
    private static final String KEY = "sk-test-0123456789abcdefghijklmnopqrstuv";
    private Map<String, String> env = Map.of("POWERTOKENS_API_KEY", KEY);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path out;

    /** What one command did: exit code, console, the run folder (null when none). */
    record Result(int exitCode, String console, Path runDir) {
        JsonNode summary() throws IOException {
            return JSON.readTree(runDir.resolve("summary.json").toFile());
        }

        long outcome(String name) throws IOException {
            return summary().get("outcomes").get(name).asLong();
        }

        long attempted() throws IOException {
            return summary().get("requests").get("attempted").asLong();
        }

        /** The measured records of requests.jsonl.gz counted per outcome. */
        Map<String, Long> measuredRecordsByOutcome() throws IOException {
            Map<String, Long> counts = new HashMap<>();
            for (JsonNode r : records()) {
                if (r.get("phase").asText().equals("measured")) {
                    counts.merge(r.get("outcome").asText(), 1L, Long::sum);
                }
            }
            return counts;
        }

        List<JsonNode> records() throws IOException {
            List<JsonNode> list = new ArrayList<>();
            try (BufferedReader r =
                    new BufferedReader(
                            new InputStreamReader(
                                    new GZIPInputStream(
                                            Files.newInputStream(
                                                    runDir.resolve("requests.jsonl.gz"))),
                                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    list.add(JSON.readTree(line));
                }
            }
            return list;
        }
    }

    private Result run(String... args) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of("run", "--out", out.toString()));
        all.addAll(List.of(args));
        int code = TokenbenchRun.run(all.toArray(String[]::new), ps, ps, env);
        String text = console.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("run folder: (\\S+)").matcher(text);
        return new Result(code, text, m.find() ? Path.of(m.group(1)) : null);
    }

    /**
     * A short open-model run: 10/s for 2 s, no warm-up, a 1 s first-token timeout, a dispatch-lag
     * budget no machine misses.
     */
    private Result shortRun(String baseUrl, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--base-url",
                                baseUrl,
                                "--rate",
                                "10",
                                "--duration",
                                "2s",
                                "--warmup",
                                "0s",
                                "--grace",
                                "3s",
                                "--timeout-first-token",
                                "1s",
                                "--timeout-idle",
                                "1s",
                                // outcomes are the subject here, not latency: a JIT-cold, shared
                                // CI machine must not make the run invalid
                                "--lag-budget",
                                "10s"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private static String closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    /** Records of every phase with {@code outcome}. */
    private static long count(Result r, String outcome) throws IOException {
        return r.records().stream().filter(n -> n.get("outcome").asText().equals(outcome)).count();
    }

    /** Every measured request ended as {@code outcome}; none ok; records agree. */
    private static void assertAll(Result r, String outcome) throws IOException {
        long attempted = r.attempted();
        assertThat(attempted).as(r.console()).isGreaterThan(0);
        assertThat(r.outcome(outcome)).as(r.console()).isEqualTo(attempted);
        assertThat(r.outcome("ok")).isZero();
        assertThat(r.measuredRecordsByOutcome()).isEqualTo(Map.of(outcome, attempted));
        assertThat(r.summary().get("verdict").get("state").asText())
                .as(r.summary().get("validity").toString())
                .isEqualTo("fail");
    }

    @Test
    void aClosedPortFailsThePreflightWithExitTwoAndAHint() throws IOException {
        Result r = shortRun(closedPort());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.console())
                .contains("pre-flight request failed")
                .contains("connection refused")
                .contains("hint: nothing listens there");
        assertThat(r.runDir()).isNull(); // no load, no run folder
    }

    @Test
    void aClosedPortWithoutPreflightIsConnectFailedForEveryRequestAndExitOne() throws IOException {
        Result r = shortRun(closedPort(), "--no-preflight");
        assertThat(r.exitCode()).as(r.console()).isEqualTo(1);
        assertAll(r, "connect_failed");
        for (JsonNode rec : r.records()) {
            assertThat(rec.get("status").asInt()).isZero();
            assertThat(rec.get("retries").asInt()).isZero();
        }
        // the console ends with the verdict and the top errors
        assertThat(r.console()).contains("connect_failed").contains("FAIL");
        assertThat(Files.readString(r.runDir().resolve("errors.jsonl")))
                .contains("\"outcome\":\"connect_failed\"")
                .contains("connection refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pooled", "per-request"})
    void aServerThatNeverAnswersEndsEveryRequestAsTimeoutFirstToken(String connections)
            throws IOException {
        try (MisbehavingServer server = MisbehavingServer.neverAnswers()) {
            Result r = shortRun(server.baseUrl(), "--no-preflight", "--connections", connections);
            assertThat(r.exitCode()).as(r.console()).isEqualTo(1);
            assertAll(r, "timeout_first_token");
            assertThat(server.requests.get()).isEqualTo(r.records().size());
        }
    }

    @Test
    void aServerThatNeverAnswersFailsThePreflight() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.neverAnswers()) {
            Result r = shortRun(server.baseUrl());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.console()).contains("connected, but no response within 1 s");
        }
    }

    @Test
    void resetsAfterTheRequestOnPooledKeepAliveConnectionsAreConnectionLostNeverResent()
            throws IOException {
        // every connection answers two requests, then resets after reading the third
        try (MisbehavingServer server = MisbehavingServer.resetsAfter(2)) {
            Result r =
                    shortRun(
                            server.baseUrl(),
                            "--no-preflight",
                            "--scenario",
                            "non-streaming",
                            "--connections",
                            "pooled");
            long attempted = r.attempted();
            assertThat(server.resets.get()).as(r.console()).isGreaterThan(0);
            // nothing was re-sent: the server saw exactly one request per recorded request (the
            // window's and those scheduled in its last moments, recorded as phase grace)
            assertThat(server.requests.get())
                    .as(
                            "server: %d requests, %d ok, %d resets, %d connections; summary %s",
                            server.requests.get(),
                            server.answeredOk.get(),
                            server.resets.get(),
                            server.connections.get(),
                            r.summary())
                    .isEqualTo(r.records().size());
            assertThat(count(r, "connection_lost")).isEqualTo(server.resets.get());
            assertThat(count(r, "ok")).isEqualTo(server.answeredOk.get());
            assertThat(r.outcome("connect_failed")).isZero();
            assertThat(r.outcome("ok") + r.outcome("connection_lost")).isEqualTo(attempted);
            assertThat(r.exitCode()).isEqualTo(1);
            // records reconcile with the summary, with statuses
            assertThat(r.measuredRecordsByOutcome())
                    .isEqualTo(
                            Map.of(
                                    "ok", r.outcome("ok"),
                                    "connection_lost", r.outcome("connection_lost")));
            for (JsonNode rec : r.records()) {
                assertThat(rec.get("status").asInt())
                        .isEqualTo(rec.get("outcome").asText().equals("ok") ? 200 : 0);
            }
            assertThat(r.summary().get("validity").toString()).doesNotContain("request_log");
        }
    }

    @Test
    void resetsOnFreshConnectionsAreConnectionLostToo() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.resetsAfter(0)) {
            Result r =
                    shortRun(
                            server.baseUrl(),
                            "--no-preflight",
                            "--scenario",
                            "non-streaming",
                            "--connections",
                            "per-request");
            assertThat(r.exitCode()).isEqualTo(1);
            assertAll(r, "connection_lost");
            assertThat(server.resets.get()).isEqualTo(r.records().size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 404})
    void anAuthOrPathErrorFailsThePreflightWithTheRedactedBody(int status) throws IOException {
        try (MisbehavingServer server = MisbehavingServer.answers(status)) {
            Result r = shortRun(server.baseUrl());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.console())
                    .contains(": " + status + " ")
                    .contains("Incorrect API key provided: [redacted]")
                    .contains(status == 401 ? "$POWERTOKENS_API_KEY was refused" : "--base-url")
                    .doesNotContain(KEY);
            assertThat(server.requests.get()).as(server.heads.toString()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 404})
    void anAuthOrPathErrorWithoutPreflightIsHttp4xxWithRedactedErrorSamples(int status)
            throws IOException {
        try (MisbehavingServer server = MisbehavingServer.answers(status)) {
            Result r = shortRun(server.baseUrl(), "--no-preflight");
            assertThat(r.exitCode()).isEqualTo(1);
            assertAll(r, "http_4xx");
            for (JsonNode rec : r.records()) {
                assertThat(rec.get("status").asInt()).isEqualTo(status);
            }
            List<String> samples = Files.readAllLines(r.runDir().resolve("errors.jsonl"));
            assertThat(samples).isNotEmpty();
            for (String s : samples) {
                JsonNode sample = JSON.readTree(s);
                assertThat(sample.get("status").asInt()).isEqualTo(status);
                assertThat(sample.get("outcome").asText()).isEqualTo("http_4xx");
                assertThat(sample.get("headers").get("x-request-id").asText()).startsWith("req_");
                assertThat(sample.get("body").asText())
                        .contains("Incorrect API key provided: [redacted]");
            }
            String folder = String.join("\n", samples) + r.console();
            assertThat(folder).doesNotContain(KEY);
            assertThat(r.console()).contains("http_4xx").contains("Incorrect API key provided");
        }
    }

    @Test
    void theMockFailingEveryRequestWith500IsHttp5xxAndExitOne() throws IOException {
        MockConfig config =
                MockConfig.defaults()
                        .withPort(0)
                        .withIoThreads(1)
                        .withFaults(
                                new FaultSettings(
                                        List.of(
                                                new FaultSettings.Weighted(
                                                        FaultSpec.of(Fault.HTTP_500), 1.0))));
        env = Map.of("POWERTOKENS_API_KEY", ApiKey.MOCK_DEFAULT);
        try (MockUpstream mock = MockUpstream.start(config)) {
            Result r = shortRun(mock.baseUrl());
            // the pre-flight's 500 is a warning: the run measures such answers
            assertThat(r.console()).contains("pre-flight answered 500");
            assertThat(r.exitCode()).isEqualTo(1);
            assertAll(r, "http_5xx");
        }
    }

    @Test
    void aHealthyTargetPassesAndChecksDecideTheExitCode() throws IOException {
        env = Map.of("POWERTOKENS_API_KEY", ApiKey.MOCK_DEFAULT);
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 4)) {
            Result pass = shortRun(mock.baseUrl());
            assertThat(pass.exitCode()).as(pass.console()).isZero();
            assertThat(pass.outcome("ok")).isEqualTo(pass.attempted());
            assertThat(pass.console()).contains("PASS");
            assertThat(pass.summary().get("verdict").get("exit_code").asInt()).isZero();
            // Gatling's own console block is not in ours; it is kept next to its report
            assertThat(pass.console()).doesNotContain("Global Information");
            assertThat(pass.runDir().resolve("gatling").resolve("console.txt")).exists();

            Result fail = shortRun(mock.baseUrl(), "--check", "ttft_sched.p99 <= 1ns");
            assertThat(fail.exitCode()).isEqualTo(1);
            assertThat(fail.summary().get("verdict").toString()).contains("ttft_sched.p99 <= 1ns");

            Result bad = shortRun(mock.baseUrl(), "--check", "ttft_shed.p99 <= 1s");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.console()).contains("--check").contains("ttft_shed");
        }
    }

    @Test
    void theDefaultAbortStopsARunWhoseFirstHundredRequestsFailed() throws IOException {
        Result r =
                run(
                        "--base-url",
                        closedPort(),
                        "--no-preflight",
                        "--rate",
                        "100",
                        "--duration",
                        "60s",
                        "--warmup",
                        "0s",
                        "--lag-budget",
                        "10s");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.console()).contains("ABORTED").contains("error_rate >= 100% after 100");
        // a complete run folder, far fewer requests than the 6000 planned
        assertThat(r.runDir().resolve("summary.json")).exists();
        assertThat(r.runDir().resolve("end.json")).exists();
        assertThat(r.attempted()).isGreaterThanOrEqualTo(100).isLessThan(6000);
        assertThat(r.outcome("ok")).isZero();
        // requests in flight when the load stopped are unfinished (counted as timeout_idle)
        long unfinished = r.summary().get("requests").get("unfinished").asLong();
        assertThat(r.outcome("timeout_idle")).isEqualTo(unfinished);
        assertThat(r.outcome("connect_failed") + unfinished).isEqualTo(r.attempted());
    }

    @Test
    void retriesResendWithRetryAfterAndEveryResendIsCounted() throws IOException {
        try (MisbehavingServer server = MisbehavingServer.flaky()) {
            Result r =
                    shortRun(
                            server.baseUrl(),
                            "--no-preflight",
                            "--scenario",
                            "non-streaming",
                            "--retries",
                            "2");
            List<JsonNode> records = r.records();
            long resends = records.stream().mapToLong(n -> n.get("retries").asLong()).sum();
            // every request the server saw is a recorded request or one of its counted re-sends
            assertThat(records.size() + resends).isEqualTo(server.requests.get());
            assertThat(resends).isPositive();
            assertThat(count(r, "ok")).isEqualTo(server.answeredOk.get());
            for (JsonNode n : records) {
                if (n.get("outcome").asText().equals("http_5xx")) {
                    assertThat(n.get("retries").asInt()).isEqualTo(2); // gave up after 2
                } else {
                    assertThat(n.get("outcome").asText()).isEqualTo("ok");
                    assertThat(n.get("status").asInt()).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void badAbortAndRetryValuesExitTwoNamingTheOption() {
        Result a = run("--abort-on", "errors > 5");
        assertThat(a.exitCode()).isEqualTo(2);
        assertThat(a.console()).contains("--abort-on");
        Result b = run("--retries", "-1");
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.console()).contains("--retries");
        Result c = run("--load", "steps(concurrency 2,+2,x2,2s)");
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.console()).contains("--load: concurrency steps are for ./tokenbench sweep");
    }
}
