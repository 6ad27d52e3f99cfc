package io.tokenbench.reports.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.ingest.RequestLogReconciler;
import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.model.RunInfoJson;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.ErrorSample;
import io.tokenbench.reports.record.ErrorSampleJson;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RecorderOptions;
import io.tokenbench.reports.record.RequestLogReader;
import io.tokenbench.reports.record.RequestRecord;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.RunEnd;
import io.tokenbench.reports.record.RunRecorder;
import io.tokenbench.reports.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** merge concatenates three injectors' requests.jsonl.gz and errors.jsonl, keeping the injector. */
class MergedRecordsTest {

    @TempDir Path tmp;

    @Test
    void threeInjectorsRecordsConcatenateAndReconcileWithTheMergedSummary() throws Exception {
        TestRuns.Spec s = TestRuns.spec("three");
        TestRuns.Spec spec =
                new TestRuns.Spec("three", 11, s.seconds(), 60, 80, 0.1, s.startEpochMillis());
        RunInfo whole = TestRuns.info(spec);
        RunInfo third =
                RunInfo.create(
                        "three",
                        "synthetic",
                        whole.startEpochMillis(),
                        "http://127.0.0.1:8080",
                        new LoadModel.Open(spec.ratePerSecond() / 3.0),
                        whole.recorderConfig(),
                        Map.of(),
                        Map.of());
        RunClock clock = new RunClock(whole.startEpochMillis(), 0);
        List<Path> dirs = new ArrayList<>();
        List<RunRecorder> recorders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path dir = Files.createDirectories(tmp.resolve("injector-" + i));
            Files.writeString(dir.resolve(RunFolder.RUN_JSON), RunInfoJson.toJson(third));
            dirs.add(dir);
            recorders.add(
                    RunRecorder.manual(
                            dir,
                            clock,
                            whole.recorderConfig(),
                            RecorderOptions.DEFAULTS.withInjector(Integer.toString(i))));
        }
        long[] n = {0};
        TestRuns.forEachRequest(
                spec,
                (RequestTimeline t, long boundary) -> {
                    if (t == null) {
                        recorders.forEach(r -> r.rollInterval(boundary));
                        return;
                    }
                    RunRecorder r = recorders.get((int) (n[0]++ % 3));
                    r.markScheduled(t.tSchedNanos());
                    r.record(t);
                    if (!t.outcome().isSuccess()) {
                        r.errorSampler()
                                .offer(
                                        t.endpoint(),
                                        t.outcome(),
                                        t.httpStatus(),
                                        Map.of(),
                                        "{\"error\":{\"message\":\"" + t.outcome() + "\"}}");
                    }
                });
        long end = whole.startEpochMillis() + spec.seconds() * 1000L;
        recorders.forEach(r -> r.closeAt(end));

        Path merged = tmp.resolve("merged");
        RunMerger.merge(merged, dirs);

        List<RequestRecord> records = new ArrayList<>();
        RequestLogReader.forEach(merged.resolve(RunFolder.REQUESTS_JSONL_GZ), records::add);
        assertThat(records).hasSize(spec.seconds() * spec.ratePerSecond());
        Map<String, Long> byInjector = new TreeMap<>();
        records.forEach(r -> byInjector.merge(r.injector(), 1L, Long::sum));
        assertThat(byInjector).containsOnlyKeys("0", "1", "2").containsValues(400L);
        // (injector, id) is unique: each injector numbers its own requests
        assertThat(records.stream().map(r -> r.injector() + "/" + r.id()).distinct())
                .hasSize(records.size());

        RunSummary summary = SummaryBuilder.build(RunLoader.load(merged, false));
        assertThat(summary.validity()).noneMatch(f -> f.code().startsWith("request_log"));
        assertThat(summary.validity()).noneMatch(f -> f.code().equals("incomplete"));
        RequestLogReconciler.Reconciliation rec =
                RequestLogReconciler.reconcile(
                        merged.resolve(RunFolder.REQUESTS_JSONL_GZ), summary);
        assertThat(rec.matches()).as(rec.describe()).isTrue();
        long measuredRecords = records.stream().filter(RequestRecord::measured).count();
        assertThat(measuredRecords).isEqualTo(summary.requests().attempted());

        List<ErrorSample> samples = ErrorSampleJson.read(merged);
        assertThat(samples).extracting(ErrorSample::injector).contains("0", "1", "2");
        // each injector kept at most 5 per (class, outcome, status)
        assertThat(samples.stream().filter(e -> e.outcome() == Outcome.HTTP_5XX)).hasSize(15);
        assertThat(samples).allMatch(e -> e.endpoint() == EndpointClass.CHAT);
        assertThat(RunEnd.read(merged).orElseThrow().requestRecords()).isEqualTo(records.size());
    }
}
