package io.tokenbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.benchmarks.client.ClientKind;
import io.tokenbench.reports.ingest.RunSource;
import io.tokenbench.reports.model.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overhead arithmetic on a hand-written JMH file (every sample of a series has one value, so
 * every median is that value): per request SDK 300 µs vs JDK 100 µs; per token SDK (3240 - 1000) /
 * 112 = 20 µs, JDK (1620 - 500) / 112 = 10 µs.
 */
class OverheadTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void computesPerRequestAndPerTokenMediansFromTheReportsModel(@TempDir Path dir)
            throws Exception {
        ArrayNode results = JSON.createArrayNode();
        add(results, "complete", "SDK", 16, 300);
        add(results, "complete", "JDK", 16, 100);
        add(results, "completeThreads4", "SDK", 16, 600);
        add(results, "firstToken", "SDK", 16, 400);
        add(results, "stream", "SDK", 16, 1000);
        add(results, "stream", "SDK", 128, 3240);
        add(results, "stream", "JDK", 16, 500);
        add(results, "stream", "JDK", 128, 1620);
        ((ObjectNode) add(results, "stream", "NETTY", 16, 10_000).get("params"))
                .put("target", "MOCK_REALISTIC");
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, JSON.writeValueAsString(results));
        RunSummary summary = RunSource.summary(file);

        Map<ClientKind, OverheadTable.ClientFigures> figures =
                OverheadTable.figures(summary).orElseThrow();

        assertThat(figures).containsOnlyKeys(ClientKind.SDK, ClientKind.JDK);
        OverheadTable.ClientFigures sdk = figures.get(ClientKind.SDK);
        OverheadTable.ClientFigures jdk = figures.get(ClientKind.JDK);
        assertThat(sdk.requestMicros()).isCloseTo(300, within(1.0));
        assertThat(jdk.requestMicros()).isCloseTo(100, within(0.5));
        assertThat(sdk.perTokenMicros()).isCloseTo(20, within(0.1));
        assertThat(jdk.perTokenMicros()).isCloseTo(10, within(0.1));
        assertThat(sdk.ttftMicros()).isCloseTo(400, within(1.0));
        assertThat(sdk.threads4Ratio()).isCloseTo(2.0, within(0.01));
        assertThat(jdk.ttftMicros()).isNaN();
        assertThat(OverheadTable.render(summary).orElseThrow())
                .contains(
                        "SDK vs JDK  : per request +200.",
                        "(x3.00)",
                        "per streamed token +10.0",
                        "(x2.00)");
    }

    @Test
    void emptyWithoutAnSdkSeries(@TempDir Path dir) throws Exception {
        ArrayNode results = JSON.createArrayNode();
        add(results, "complete", "JDK", 16, 100);
        Path file = dir.resolve("jmh.json");
        Files.writeString(file, JSON.writeValueAsString(results));

        assertThat(OverheadTable.render(RunSource.summary(file))).isEmpty();
    }

    /** One sample-mode result whose 50 samples all took {@code micros}. */
    private static ObjectNode add(
            ArrayNode results, String method, String client, int tokens, double micros) {
        ObjectNode bench = results.addObject();
        bench.put("jmhVersion", "1.37")
                .put("benchmark", "io.tokenbench.benchmarks.e2e.ChatBench." + method)
                .put("mode", "sample")
                .put("threads", method.endsWith("Threads4") ? 4 : 1)
                .put("forks", 1);
        bench.putObject("params")
                .put("client", client)
                .put("target", "MOCK_ZERO")
                .put("tokens", Integer.toString(tokens));
        ObjectNode primary = bench.putObject("primaryMetric");
        primary.put("score", micros).put("scoreUnit", "us/op");
        primary.putArray("rawDataHistogram").addArray().addArray().addArray().add(micros).add(50);
        return bench;
    }
}
