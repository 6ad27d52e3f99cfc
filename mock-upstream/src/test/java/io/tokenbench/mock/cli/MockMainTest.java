package io.tokenbench.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line: help, bad options (exit 2 naming the option), start-up output, keys, SIGTERM.
 */
class MockMainTest {

    /** Every option the mock had before picocli, by the name users type. */
    private static final String[] OPTIONS = {
        "--host",
        "--port",
        "--api-key",
        "--api-keys-env",
        "--api-keys-file",
        "--admin-token",
        "--seed",
        "--ttft",
        "--itl",
        "--output-tokens",
        "--tokens-per-chunk",
        "--slowdown-threshold",
        "--slowdown-factor",
        "--fault",
        "--catalog",
        "--max-body",
        "--max-header",
        "--shutdown-grace",
        "--client-timeout",
        "--io-threads",
        "--state-file",
        "--help",
    };

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private MockMain.Launch launch(String... args) {
        return MockMain.launch(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        MockMain.Launch launch = launch("--help");
        assertThat(launch.exitCode()).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : OPTIONS) {
            assertThat(help).contains(option);
        }
        assertThat(help)
                .contains("default 127.0.0.1")
                .contains("default 8080")
                .contains("default 200ms")
                .contains("default 20ms")
                .contains("default 64")
                .contains("default 25MiB")
                .contains("default 10s")
                .contains("default 42");
    }

    @Test
    void helpListsTheMediaLatencyOptionsWithTheirDefaults() {
        assertThat(launch("--help").exitCode()).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        for (MediaBehavior.Field field : MediaBehavior.Field.values()) {
            assertThat(help).contains(field.option() + " DIST");
        }
        assertThat(help)
                .contains("(default 30ms)")
                .contains("(default 0.5ms)")
                .contains("(default 1500ms)")
                .contains("(default 20)")
                .contains("(default 10)")
                .contains("(default 5s)")
                .contains("(default 300ms)")
                .contains("x-mock-latency-ms");
    }

    @Test
    void mediaLatencyOptionsReachTheConfig() {
        MockSettings parsed =
                CommandLines.settings(
                        name -> null,
                        "--image-latency",
                        "uniform(1s,2s)",
                        "--transcription-rtf=0",
                        "--speech-ttfa",
                        "0ms",
                        "--video-render",
                        "2s",
                        "--video-accept",
                        "uniform(100ms,200ms)",
                        "--ttft",
                        "50ms");
        MediaBehavior media = parsed.config().behavior().media();
        assertThat(media.imageLatency().spec()).isEqualTo("uniform(1s,2s)");
        assertThat(media.transcriptionRtf().spec()).isEqualTo("0");
        assertThat(media.speechTtfa().spec()).isEqualTo("0ms");
        assertThat(media.videoRenderPerSecond().spec()).isEqualTo("2s");
        assertThat(media.videoAccept().spec()).isEqualTo("uniform(100ms,200ms)");
        assertThat(media.embeddingsLatency())
                .as("untouched")
                .isEqualTo(MediaBehavior.DEFAULT.embeddingsLatency());
        assertThat(parsed.config().behavior().ttft().spec())
                .as("chat options still apply")
                .isEqualTo("50ms");
    }

    @Test
    void badValuesExitTwoNamingTheOption() {
        String[][] cases = {
            {"--ttft", "fast"},
            {"--itl", "uniform(1ms)"},
            {"--port", "70000"},
            {"--output-tokens", "-3"},
            {"--fault", "http_999=0.1"},
            {"--fault", "http_500=1.5"},
            {"--max-body", "lots"},
            {"--shutdown-grace", "10"},
            {"--io-threads", "0"},
            {"--catalog", "/no/such/catalog.json"},
            {"--api-keys-env", "TOKENBENCH_SURELY_UNSET_VARIABLE"},
            {"--seed", "x"},
            {"--colour", "blue"},
            {"--embeddings-latency", "fast"},
            {"--embeddings-item-latency", "1"},
            {"--image-latency", "uniform(2s,1s)"},
            {"--transcription-rtf", "20x"},
            {"--speech-ttfa", "200"},
            {"--speech-rtf", "10ms"},
            {"--video-queue", "-5s"},
            {"--video-render", "lognormal(0s,1)"},
            {"--video-accept", "300"},
            {"--video-accept", "-1ms"},
        };
        for (String[] args : cases) {
            err.reset();
            assertThat(launch(args).exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .as(String.join(" ", args))
                    .contains(args[0]);
        }
        err.reset();
        assertThat(launch("--port").exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port: needs a value");
    }

    @Test
    void aPortInUseExitsOneAndStartsNothing() {
        try (MockUpstream first = launch("--port", "0").mock().orElseThrow()) {
            err.reset();
            MockMain.Launch second = launch("--port", Integer.toString(first.port()));
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.mock()).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("cannot listen on 127.0.0.1:" + first.port());
        }
    }

    @Test
    void durationsTakeTheOneGrammarOfEveryCommand() {
        MockSettings parsed =
                CommandLines.settings(
                        name -> null,
                        "--shutdown-grace",
                        "1m30s",
                        "--client-timeout=1.5s",
                        "--video-queue",
                        "2m",
                        "--fault",
                        "stall:1m=0.5");
        assertThat(parsed.config().shutdownGrace()).isEqualTo(Duration.ofSeconds(90));
        assertThat(parsed.config().clientIdleTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(parsed.config().behavior().media().videoQueue().sample(null)).isEqualTo(120e9);
        assertThat(parsed.config().faults().weighted().get(0).spec().param())
                .isEqualTo(60_000_000_000L);
    }

    @Test
    void sizesTakeBinaryAndDecimalUnitsAndTheRecordsLimits() {
        MockSettings parsed =
                CommandLines.settings(
                        name -> null,
                        "--max-body",
                        "1MB",
                        "--max-header=32KiB",
                        "--io-threads",
                        "3");
        assertThat(parsed.config().maxBodyBytes()).isEqualTo(1_000_000);
        assertThat(parsed.config().maxHeaderBytes()).isEqualTo(32 * 1024);
        assertThat(parsed.config().ioThreads()).isEqualTo(3);
        for (String[] args :
                new String[][] {
                    {"--max-header", "512"}, {"--max-body", "3GiB"}, {"--io-threads", "1025"}
                }) {
            err.reset();
            assertThat(launch(args).exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .as(String.join(" ", args))
                    .contains(args[0]);
        }
    }

    @Test
    void optionsGivenTwiceOrBareDurationsExitTwoNamingTheOption() {
        String[][] cases = {
            {"--port", "0", "--port", "1"},
            {"--ttft", "1ms", "--ttft=2ms"},
            {"--video-queue", "1s", "--video-queue", "2s"},
            {"--client-timeout", "60"},
            {"--slowdown-factor", "0.5"},
        };
        for (String[] args : cases) {
            err.reset();
            assertThat(launch(args).exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .as(String.join(" ", args))
                    .contains(args[0]);
        }
    }

    @Test
    void aMistypedOptionIsNamedWithoutEchoingTheValueAfterIt() {
        for (String[] args :
                new String[][] {
                    {"--api-kye", "sk-secret-value-123"}, {"--api-kye=sk-secret-value-123"}
                }) {
            err.reset();
            assertThat(launch(args).exitCode()).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("Unknown option: '--api-kye'")
                    .doesNotContain("sk-secret-value-123");
        }
    }

    @Test
    void startsPrintsTheUrlAndTheLocalKeyOnly() {
        MockMain.Launch launch = launch("--port", "0", "--admin-token", "adm-fixed");
        try (MockUpstream mock = launch.mock().orElseThrow()) {
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo("listening on " + mock.baseUrl() + "\n");
            assertThat(mock.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains(MockConfig.DEFAULT_API_KEY)
                    .doesNotContain("adm-fixed");
        }
    }

    @Test
    void configuredKeysAreNeverPrinted(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "# team keys\nsk-from-file-123\n\n");
        MockMain.Launch launch =
                launch(
                        "--port",
                        "0",
                        "--api-key",
                        "sk-from-arg-456",
                        "--api-keys-file",
                        keys.toString());
        try (MockUpstream mock = launch.mock().orElseThrow()) {
            String printed =
                    out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            assertThat(printed)
                    .doesNotContain("sk-from-file-123")
                    .doesNotContain("sk-from-arg-456")
                    .doesNotContain(MockConfig.DEFAULT_API_KEY)
                    .contains("2 configured api key(s)");
            assertThat(mock.config().toString()).doesNotContain("sk-from");
            HttpClient http = HttpClient.newHttpClient();
            for (String key : List.of("sk-from-file-123", "sk-from-arg-456")) {
                assertThat(
                                http.send(models(mock, key), HttpResponse.BodyHandlers.discarding())
                                        .statusCode())
                        .isEqualTo(200);
            }
            assertThat(
                            http.send(
                                            models(mock, MockConfig.DEFAULT_API_KEY),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void keysComeFromAnEnvironmentVariable() throws Exception {
        MockSettings parsed =
                CommandLines.settings(
                        Map.of("MY_KEYS", "sk-a, sk-b")::get,
                        "--api-keys-env",
                        "MY_KEYS",
                        "--fault",
                        "stall:3s=0.25",
                        "--slowdown-threshold",
                        "8",
                        "--slowdown-factor",
                        "0.5");
        assertThat(parsed.config().apiKeys()).containsExactly("sk-a", "sk-b");
        assertThat(parsed.config().faults().weighted().get(0).spec().param())
                .isEqualTo(3_000_000_000L);
        assertThat(parsed.config().behavior().slowdown().multiplier(10)).isEqualTo(2.0);
        assertThat(parsed.generatedAdminToken()).isTrue();
    }

    private static HttpRequest models(MockUpstream mock, String key) {
        return HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/models"))
                .header("Authorization", "Bearer " + key)
                .build();
    }

    @Test
    void sigtermLetsTheStreamInFlightFinishThenExits() throws Exception {
        Process process =
                ChildMock.command(
                                "--port",
                                "0",
                                "--ttft",
                                "0ms",
                                "--itl",
                                "100ms",
                                "--output-tokens",
                                "8",
                                "--shutdown-grace",
                                "10s")
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        try {
            BufferedReader stdout =
                    new BufferedReader(
                            new InputStreamReader(
                                    process.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            assertThat(line).startsWith("listening on http://127.0.0.1:");
            String base = line.substring("listening on ".length());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<java.util.stream.Stream<String>> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                                    .header("Authorization", "Bearer " + MockConfig.DEFAULT_API_KEY)
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"model\":\"MiniMax-M3\",\"stream\":true,"
                                                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
            java.util.List<String> lines = new java.util.ArrayList<>();
            java.util.Iterator<String> it = response.body().iterator();
            while (it.hasNext()) {
                String event = it.next();
                lines.add(event);
                if (event.contains("\"delta\":{\"content\":\"") && process.isAlive()) {
                    process.destroy(); // SIGTERM after the first token; 7 more at 100 ms each
                    // follow
                }
            }
            assertThat(String.join("\n", lines))
                    .contains("\"finish_reason\":\"stop\"")
                    .endsWith("data: [DONE]\n");
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("process exited").isTrue();
        } finally {
            process.destroyForcibly();
        }
    }
}
