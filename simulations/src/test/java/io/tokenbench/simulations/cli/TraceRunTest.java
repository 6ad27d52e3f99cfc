package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.simulations.config.ApiKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed Mooncake trace replayed through {@code ./tokenbench run --load trace(FILE)} at
 * twice its speed: every row is sent once within the window, the k-th arrival no earlier after the
 * run's start than the k-th trace offset divided by the speed (one-sided: the schedule's anchor is
 * after the start), each asking for the row's output length, and all succeed.
 */
class TraceRunTest {
    private static final Path MOONCAKE = Path.of("src/test/resources/traces/mooncake-small.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void countsSpacingAndLengthsOfTheTraceAreReproduced(@TempDir Path out) throws Exception {
        List<Long> ts = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        for (String line : Files.readAllLines(MOONCAKE)) {
            JsonNode n = JSON.readTree(line);
            ts.add(n.path("timestamp").asLong());
            outputs.add(n.path("output_length").asInt());
        }
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 40);
                TestGateway gateway = TestGateway.http(mock.baseUrl(), Map.of())) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream p = new PrintStream(console, true, StandardCharsets.UTF_8);
            long startNanos = System.nanoTime();
            int code =
                    TokenbenchRun.run(
                            new String[] {
                                "run",
                                "--base-url",
                                gateway.baseUrl(),
                                "--lag-budget",
                                "10s",
                                "--out",
                                out.toString(),
                                "--load",
                                "trace(" + MOONCAKE + ")",
                                "--trace-speed",
                                "2",
                                "--grace",
                                "4s",
                                // the gateway counts every arrival: no pre-flight request among
                                // them
                                "--no-preflight"
                            },
                            p,
                            p,
                            Map.of("POWERTOKENS_API_KEY", ApiKey.MOCK_DEFAULT));
            String text = console.toString(StandardCharsets.UTF_8);
            assertThat(code).as(text).isZero();
            List<Long> arrivals = gateway.arrivalNanos();
            assertThat(arrivals).hasSize(ts.size());
            for (int i = 0; i < ts.size(); i++) {
                assertThat(arrivals.get(i) - startNanos)
                        .as("arrival %d", i)
                        .isGreaterThanOrEqualTo(ts.get(i) * 1_000_000L / 2);
            }
            List<Integer> requested = new ArrayList<>();
            for (String body : gateway.bodies()) {
                requested.add(JSON.readTree(body).path("max_tokens").asInt());
            }
            assertThat(requested).containsExactlyInAnyOrderElementsOf(outputs);

            Path runDir = GatewayHeadersTest.runDir(out);
            JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
            assertThat(summary.path("outcomes").path("ok").asLong()).isEqualTo(ts.size());
            JsonNode params = JSON.readTree(runDir.resolve("run.json").toFile()).path("parameters");
            assertThat(params.path("load").asText()).contains("mooncake-small.jsonl");
            assertThat(params.path("tokenizer").asText()).startsWith("words");
            JsonNode lengths = JSON.readTree(runDir.resolve("output-length.json").toFile());
            assertThat(lengths.path("received_tokens").asLong())
                    .isEqualTo(lengths.path("requested_tokens").asLong())
                    .isEqualTo(outputs.stream().mapToLong(Integer::longValue).sum());
        }
    }
}
