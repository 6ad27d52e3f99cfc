package io.tokenbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.benchmarks.e2e.ChatBench;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One tiny real benchmark through JMH's Runner (in this JVM, one short iteration): the JDK client's
 * non-streamed chat against the zero-latency mock, then the JSON imported through the reports
 * model.
 */
class BenchSmokeTest {

    private static final String SERIES =
            "ChatBench.complete[client=JDK,target=MOCK_ZERO,tokens=16]";

    @Test
    void oneShortIterationHasAScoreAndIsImportedIntoTheReportsModel(@TempDir Path runsRoot)
            throws Exception {
        Path dir = JmhRunImport.createRunFolder(runsRoot, java.time.Instant.now());
        Collection<RunResult> results =
                new Runner(
                                new OptionsBuilder()
                                        .include(ChatBench.class.getName() + ".complete$")
                                        .param("client", "JDK")
                                        .param("target", "MOCK_ZERO")
                                        .param("tokens", "16")
                                        .forks(0)
                                        .warmupIterations(0)
                                        .measurementIterations(1)
                                        .measurementTime(TimeValue.seconds(1))
                                        .shouldFailOnError(true)
                                        .resultFormat(ResultFormatType.JSON)
                                        .result(dir.resolve(JmhRunImport.JMH_JSON).toString())
                                        .build())
                        .run();

        assertThat(results).hasSize(1);
        RunResult result = results.iterator().next();
        assertThat(result.getPrimaryResult().getScore()).isPositive();
        assertThat(result.getPrimaryResult().getSampleCount()).isPositive();

        JmhRunImport.Imported imported = JmhRunImport.importJmh(dir);

        MetricSummary series = imported.summary().metrics().get(SERIES);
        assertThat(series)
                .as("series %s in %s", SERIES, imported.summary().metrics().keySet())
                .isNotNull();
        assertThat(series.count()).isEqualTo(result.getPrimaryResult().getSampleCount());
        assertThat(series.p50()).isPositive();
        assertThat(Files.readString(dir.resolve(RunFolder.SUMMARY_JSON))).contains(SERIES);
        assertThat(dir.resolve(RunFolder.REPORT_HTML)).isNotEmptyFile();
    }
}
