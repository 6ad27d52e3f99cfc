package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.merge.RunMerger;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.simulations.config.ApiKey;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three injectors of one split run against one in-process mock, then {@code merge}: in every part
 * and in the merged run, the measured per-request records counted per outcome equal summary.json's
 * outcomes (timeout_idle less the unfinished), the successful ones equal the latency histograms'
 * counts, and (injector, id) is unique.
 */
class RequestRecordsReconcileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void recordsReconcileWithTheSummaryInEachInjectorAndTheMergedRun(@TempDir Path tmp)
            throws IOException {
        Path out = tmp.resolve("runs");
        List<Path> parts = new ArrayList<>();
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 4)) {
            for (int i = 0; i < 3; i++) {
                ByteArrayOutputStream console = new ByteArrayOutputStream();
                PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8);
                int code =
                        TokenbenchRun.run(
                                new String[] {
                                    "run",
                                    "--base-url",
                                    mock.baseUrl(),
                                    "--rate",
                                    "24",
                                    "--duration",
                                    "2s",
                                    "--warmup",
                                    "1s",
                                    "--grace",
                                    "3s",
                                    "--seed",
                                    "11",
                                    "--lag-budget",
                                    "10s",
                                    "--injector-index",
                                    Integer.toString(i),
                                    "--injector-count",
                                    "3",
                                    "--out",
                                    out.toString()
                                },
                                ps,
                                ps,
                                Map.of("POWERTOKENS_API_KEY", ApiKey.MOCK_DEFAULT));
                assertThat(code).as(console.toString(StandardCharsets.UTF_8)).isZero();
            }
        }
        try (Stream<Path> s = Files.list(out)) {
            parts.addAll(s.sorted().toList());
        }
        assertThat(parts).hasSize(3);
        for (Path part : parts) {
            assertReconciles(part, ReportWriter.writeAll(part).summary());
        }
        Path merged = tmp.resolve("merged");
        RunMerger.merge(merged, parts);
        RunSummary m = ReportWriter.writeAll(merged).summary();
        assertReconciles(merged, m);
        Set<String> injectors = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : records(merged)) {
            injectors.add(r.get("injector").asText());
            assertThat(ids.add(r.get("injector").asText() + "/" + r.get("id").asText())).isTrue();
        }
        assertThat(injectors).containsExactlyInAnyOrder("0", "1", "2");
        long partsAttempted = 0;
        for (Path part : parts) {
            partsAttempted += ReportWriter.writeAll(part).summary().requests().attempted();
        }
        assertThat(m.requests().attempted()).isEqualTo(partsAttempted).isPositive();
    }

    private static void assertReconciles(Path dir, RunSummary s) throws IOException {
        Map<String, Long> byOutcome = new HashMap<>();
        long measuredOk = 0;
        for (JsonNode r : records(dir)) {
            if (r.get("phase").asText().equals("measured")) {
                String o = r.get("outcome").asText();
                byOutcome.merge(o, 1L, Long::sum);
                if (Outcome.fromWireName(o).orElseThrow().isSuccess()) {
                    measuredOk++;
                }
            }
        }
        for (Outcome o : Outcome.values()) {
            long expected = s.outcomes().getOrDefault(o, 0L);
            if (o == Outcome.TIMEOUT_IDLE) {
                expected -= s.requests().unfinished();
            }
            assertThat(byOutcome.getOrDefault(o.wireName(), 0L))
                    .as(dir + " " + o.wireName())
                    .isEqualTo(expected);
        }
        assertThat(measuredOk).isPositive();
        assertThat(s.metrics().get("e2e").count()).as(dir + " e2e count").isEqualTo(measuredOk);
        assertThat(s.validity()).noneMatch(f -> f.code().startsWith("request_log"));
    }

    private static List<JsonNode> records(Path dir) throws IOException {
        List<JsonNode> list = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(
                                        Files.newInputStream(dir.resolve("requests.jsonl.gz"))),
                                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                list.add(JSON.readTree(line));
            }
        }
        return list;
    }
}
