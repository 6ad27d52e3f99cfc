package io.tokenbench.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryJson;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.RecorderConfig;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.RunRecorder;
import io.tokenbench.reports.testing.GoldenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report --co-interval: corrected and uncorrected side by side, closed-model runs only. */
class CoordinatedOmissionTest {

    @TempDir Path tmp;

    /** One closed-loop caller: 100 answers of 10 ms and one 1000 ms stall. */
    private Path closedRunWithStall() {
        long start = GoldenRun.START_MS;
        RunInfo info =
                RunInfo.create(
                        "closed",
                        "jmh",
                        start,
                        "http://127.0.0.1:1",
                        new LoadModel.Closed(1),
                        RecorderConfig.DEFAULTS,
                        Map.of(),
                        Map.of());
        RunFolder folder = RunFolder.create(tmp, info);
        RunRecorder r =
                RunRecorder.manual(folder.dir(), new RunClock(start, 0), info.recorderConfig());
        long ms = 1_000_000L;
        long t = 0;
        for (int i = 0; i <= 100; i++) {
            long e2e = i == 50 ? 1000 * ms : 10 * ms;
            r.record(
                    RequestTimeline.builder(EndpointClass.EMBEDDINGS)
                            .send(t)
                            .done(t + e2e)
                            .build());
            t += e2e;
        }
        r.closeAt(start + 2000);
        return folder.dir();
    }

    @Test
    void closedRunsGetCorrectedTwinsNextToTheRawFigures() throws Exception {
        Path dir = closedRunWithStall();
        CliResult r = CliResult.run("report", dir.toString(), "--co-interval", "10ms");
        assertThat(r.exit()).as(r.err()).isZero();
        RunSummary s = SummaryJson.parse(Files.readString(dir.resolve(RunFolder.SUMMARY_JSON)));
        assertThat(s.metrics().get("e2e").count()).isEqualTo(101);
        assertThat(s.metrics().get("e2e").p99()).isLessThan(10.1); // raw: the stall hides above p99
        // corrected: 99 back-filled samples 990, 980 ... 10 ms; rank ceil(0.99 * 200) = 198 is 980
        // ms
        assertThat(s.metrics().get("e2e_co_corrected").count()).isEqualTo(200);
        assertThat(s.metrics().get("e2e_co_corrected").p99()).isBetween(980.0, 980.6);
        assertThat(s.metrics().get("e2e_co_corrected").p50()).isLessThan(10.1);
        assertThat(s.validity())
                .extracting(RunSummary.ValidityFlag::code)
                .contains("co_corrected", "closed_model");
        assertThat(s.metrics()).doesNotContainKey("e2e_sched_co_corrected");
    }

    @Test
    void openRunsAndBadValuesAreRefused() throws Exception {
        Path open = GoldenRun.create(tmp.resolve("open"), "open", 1.0);
        CliResult r = CliResult.run("report", open.toString(), "--co-interval", "10ms");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("closed-model runs only");
        assertThat(open.resolve(RunFolder.SUMMARY_JSON)).doesNotExist();
        CliResult bad =
                CliResult.run("report", closedRunWithStall().toString(), "--co-interval", "ten");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--co-interval", "'ten' is not a duration");
    }
}
