package io.tokenbench.reports.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.ingest.OutcomesReader;
import io.tokenbench.reports.model.CheckResult;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.RunVerdict;
import io.tokenbench.reports.model.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose recorder was SIGKILLed reports over the window actually recorded, carries the {@code
 * incomplete} flag, and is never a pass.
 */
class IncompleteRunTest {

    @TempDir Path dir;

    @Test
    void aKilledRunIsReportedIncompleteOverItsRecordedWindow() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child =
                new ProcessBuilder(
                                java,
                                "-Xmx128m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                IncompleteRunChild.class.getName(),
                                dir.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile())
                        .start();
        Path outcomes = dir.resolve(RunFolder.OUTCOMES_JSONL);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((lines(outcomes) < 12 || records(dir) == 0)
                    && System.nanoTime() < deadline
                    && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive())
                    .as("child still recording; log: %s", dir.resolve("child.log"))
                    .isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(dir.resolve(RunEnd.RECORDING)).exists();
        assertThat(dir.resolve(RunEnd.END)).doesNotExist();
        assertThat(RunEnd.incomplete(dir)).isTrue();

        ReportWriter.Written w = ReportWriter.writeAll(dir);
        RunSummary s = w.summary();
        List<OutcomesLine> recorded = OutcomesReader.read(outcomes);
        long start = w.data().info().orElseThrow().startEpochMillis();
        long lastEnd = recorded.get(recorded.size() - 1).endEpochMillis();
        double recordedSeconds = (lastEnd - start) / 1000.0;
        // the recorded window, not the planned 60 s
        assertThat(s.header().measuredSeconds()).isEqualTo(recordedSeconds).isLessThan(60.0);
        assertThat(s.throughput().sentRps())
                .isEqualTo(s.requests().sent() / recordedSeconds)
                .isGreaterThan(s.requests().sent() / 60.0); // not divided by the planned window
        assertThat(s.validity())
                .anySatisfy(
                        f -> {
                            assertThat(f.code()).isEqualTo("incomplete");
                            assertThat(f.message()).contains("of the 60.000 s planned");
                        });
        assertThat(w.verdict().state()).isEqualTo(RunVerdict.State.INVALID);
        assertThat(w.verdict().exitCode()).isEqualTo(1);

        String json = Files.readString(dir.resolve(RunFolder.SUMMARY_JSON));
        RunVerdict read = SummaryJson.parse(json).verdict().orElseThrow();
        assertThat(read.state()).isEqualTo(RunVerdict.State.INVALID);
        assertThat(read.checks())
                .extracting(CheckResult::status)
                .isEqualTo(w.verdict().checks().stream().map(CheckResult::status).toList());
        assertThat(json).contains("\"code\" : \"incomplete\"", "\"state\" : \"invalid\"");
        String html = Files.readString(dir.resolve(RunFolder.REPORT_HTML));
        assertThat(html)
                .contains("data-verdict=\"invalid\"", "Incomplete run", "upstream exploded")
                .contains("of the measured window (incomplete run)");
        assertThat(Files.readString(dir.resolve(RunFolder.SUMMARY_MD)))
                .contains("Verdict: INVALID", "**Incomplete run**")
                .containsPattern("invalidating validity flags: [a-z_, ]*incomplete");

        // the request log of a killed run is a readable prefix (cut gzip stream, no exception)
        assertThat(records(dir)).isPositive();
        assertThat(ErrorSampleJson.read(dir)).hasSize(5);
    }

    /** Complete records readable from the (possibly cut) request log so far. */
    private static long records(Path dir) {
        Path file = dir.resolve(RequestLog.FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        return RequestLogReader.forEach(file, r -> {}).records();
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.readString(file).chars().filter(c -> c == '\n').count();
    }
}
