package io.tokenbench.reports.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.reports.cli.ReportsMainAccess;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonReaderTest {

    /**
     * The shape JMH 1.37 writes with -rf json (trimmed to the fields we read, plus a few we
     * ignore).
     */
    static String jmhJson(double sampleScale) {
        return """
                [ {
                  "jmhVersion" : "1.37", "benchmark" : "io.tokenbench.benchmarks.SseBench.stream", "mode" : "sample",
                  "threads" : 4, "forks" : 1, "params" : { "tokens" : "10" },
                  "primaryMetric" : { "score" : 1.6, "scoreUnit" : "ms/op",
                    "rawDataHistogram" : [ [ [ [ %s, 3 ] ], [ [ %s, 1 ] ] ] ] },
                  "secondaryMetrics" : { }
                }, {
                  "jmhVersion" : "1.37", "benchmark" : "io.tokenbench.benchmarks.SseBench.throughput", "mode" : "thrpt",
                  "threads" : 1, "forks" : 2,
                  "primaryMetric" : { "score" : 100.0, "scoreUnit" : "ops/s", "rawData" : [ [ 100.0, 110.0 ], [ 90.0 ] ] }
                } ]
                """
                .formatted(1.5 * sampleScale, 2.0 * sampleScale);
    }

    @TempDir Path tmp;

    @Test
    void sampleModeRawHistogramsBecomeLatencyDistributions() throws Exception {
        Path file = tmp.resolve("jmh-result.json");
        Files.writeString(file, jmhJson(1.0));
        RunData run = JmhJsonReader.read(file);
        RunSummary s = SummaryBuilder.build(run);

        MetricSummary sample = s.metrics().get("SseBench.stream[tokens=10]");
        assertThat(sample.unit().reported()).isEqualTo("ms");
        assertThat(sample.count()).isEqualTo(4);
        // 1.5 ms = 1500000 ns: bucket 2^10 -> 1499136 + 1023; 2.0 ms -> 1999872 + 1023
        assertThat(sample.p50()).isEqualTo(1.500159);
        assertThat(sample.max()).isEqualTo(2.000895);

        MetricSummary thrpt = s.metrics().get("SseBench.throughput:thrpt");
        assertThat(thrpt.unit().reported()).isEqualTo("ops/s");
        assertThat(thrpt.count()).isEqualTo(3);
        // 100 ops/s stored as 100000 milli: bucket 2^6 -> 99968 + 63
        assertThat(thrpt.p50()).isEqualTo(100.031);

        assertThat(s.header().driver()).isEqualTo("jmh");
        assertThat(s.header().loadModel().describe()).contains("4 concurrent");
        assertThat(run.blocks()).hasSize(3); // one per fork x iteration
        assertThat(s.metrics()).doesNotContainKey("ttft"); // no load-run metrics invented
    }

    @Test
    void jmhRunsCompareAndGateLikeLoadRuns() throws Exception {
        Path base = tmp.resolve("base.json");
        Path slow = tmp.resolve("slow.json");
        Files.writeString(base, jmhJson(1.0));
        Files.writeString(slow, jmhJson(2.0));
        Path rules = tmp.resolve("rules.txt");
        Files.writeString(
                rules,
                "SseBench.stream[tokens=10].p50 <= 4ms\nSseBench.stream[tokens=10].max <= baseline + 10%\n");
        ReportsMainAccess.Result r =
                ReportsMainAccess.run(
                        "gate",
                        "--rules",
                        rules.toString(),
                        "--baseline",
                        base.toString(),
                        "--current",
                        slow.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("PASS\\s+SseBench.stream\\[tokens=10\\].p50 <= 4ms")
                .containsPattern("FAIL\\s+SseBench.stream\\[tokens=10\\].max <= baseline \\+ 10%");
        ReportsMainAccess.Result c =
                ReportsMainAccess.run("compare", base.toString(), slow.toString());
        assertThat(c.exit()).isZero();
        assertThat(c.out()).contains("SseBench.stream[tokens=10].p50", "+100.0%");
    }

    @Test
    void badJmhFilesAreRejectedWithTheReason() throws Exception {
        Path notArray = tmp.resolve("a.json");
        Files.writeString(notArray, "{\"benchmark\": 1}");
        assertThatThrownBy(() -> JmhJsonReader.read(notArray))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("JSON array");
        Path noRaw = tmp.resolve("b.json");
        Files.writeString(noRaw, jmhJson(1.0).replace("rawDataHistogram", "rawDataHistogramX"));
        assertThatThrownBy(() -> JmhJsonReader.read(noRaw))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("benchmark #1", "rawDataHistogram");
    }
}
