package io.tokenbench.reports.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.reports.ingest.BadInputException;
import io.tokenbench.reports.ingest.HlogReader;
import io.tokenbench.reports.ingest.OutcomesReader;
import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.model.RunInfoJson;
import io.tokenbench.reports.record.OutcomesLine;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.RunRecorder;
import io.tokenbench.reports.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMergerTest {

    @TempDir Path tmp;

    /** (interval start, tag) to the histogram's (value, count) pairs. */
    static Map<String, List<long[]>> histograms(Path hlog) {
        Map<String, List<long[]>> out = new TreeMap<>();
        HlogReader.forEach(
                hlog,
                i ->
                        out.put(
                                i.startEpochMillis() + "/" + i.endEpochMillis() + "/" + i.tag(),
                                pairs(i.histogram().toHistogram())));
        return out;
    }

    static List<long[]> pairs(Histogram h) {
        List<long[]> pairs = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            pairs.add(new long[] {v.getValueIteratedTo(), v.getCountAtValueIteratedTo()});
        }
        return pairs;
    }

    private Path folder(String name, RunInfo info) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve(RunFolder.RUN_JSON), RunInfoJson.toJson(info));
        return dir;
    }

    @Test
    void mergingSplitRecordingsGivesExactlyTheHistogramsOfOneRecording() throws Exception {
        TestRuns.Spec spec = TestRuns.spec("split");
        RunInfo whole = TestRuns.info(spec);
        RunInfo half =
                RunInfo.create(
                        "split",
                        "synthetic",
                        whole.startEpochMillis(),
                        "http://127.0.0.1:8080",
                        new LoadModel.Open(spec.ratePerSecond() / 2.0),
                        whole.recorderConfig(),
                        Map.of(),
                        Map.of());
        Path all = folder("all", whole);
        Path a = folder("a", half);
        Path b = folder("b", half);
        RunClock clock = new RunClock(whole.startEpochMillis(), 0);
        RunRecorder rAll = RunRecorder.manual(all, clock, whole.recorderConfig());
        RunRecorder rA = RunRecorder.manual(a, clock, whole.recorderConfig());
        RunRecorder rB = RunRecorder.manual(b, clock, whole.recorderConfig());
        long[] n = {0};
        TestRuns.forEachRequest(
                spec,
                (RequestTimeline t, long boundary) -> {
                    if (t == null) {
                        rAll.rollInterval(boundary);
                        rA.rollInterval(boundary);
                        rB.rollInterval(boundary);
                        return;
                    }
                    RunRecorder half1 = n[0]++ % 2 == 0 ? rA : rB;
                    rAll.markScheduled(t.tSchedNanos());
                    half1.markScheduled(t.tSchedNanos());
                    rAll.record(t);
                    half1.record(t);
                });
        long end = whole.startEpochMillis() + spec.seconds() * 1000L;
        rAll.closeAt(end);
        rA.closeAt(end);
        rB.closeAt(end);

        Path merged = tmp.resolve("merged");
        RunInfo info = RunMerger.merge(merged, List.of(a, b));

        Map<String, List<long[]>> expected = histograms(all.resolve(RunFolder.METRICS_HLOG));
        Map<String, List<long[]>> actual = histograms(merged.resolve(RunFolder.METRICS_HLOG));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach(
                (key, pairs) ->
                        assertThat(actual.get(key)).as(key).containsExactlyElementsOf(pairs));
        assertThat(expected.keySet())
                .anyMatch(k -> k.endsWith("/ttft"))
                .anyMatch(k -> k.endsWith("/warmup.ttft"));
        List<OutcomesLine> expectedLines =
                OutcomesReader.read(all.resolve(RunFolder.OUTCOMES_JSONL));
        assertThat(OutcomesReader.read(merged.resolve(RunFolder.OUTCOMES_JSONL)))
                .isEqualTo(expectedLines);
        assertThat(info.loadModel()).isEqualTo(new LoadModel.Open(spec.ratePerSecond()));
        assertThat(info.driver()).isEqualTo("merged");
        assertThat(info.parameters())
                .containsEntry("merged_injectors", "2")
                .containsEntry("merged_from", "a,b");
    }

    @Test
    void injectorsStartingAtDifferentTimesAlignOnAbsoluteIntervals() throws Exception {
        long base = TestRuns.START_MS - TestRuns.START_MS % 1000; // a whole second
        RunInfo a =
                RunInfo.create(
                        "x",
                        "synthetic",
                        base + 300,
                        "http://h:1",
                        new LoadModel.Open(1),
                        io.tokenbench.reports.record.RecorderConfig.DEFAULTS,
                        Map.of(),
                        Map.of());
        RunInfo b =
                RunInfo.create(
                        "x",
                        "synthetic",
                        base + 700,
                        "http://h:1",
                        new LoadModel.Open(1),
                        io.tokenbench.reports.record.RecorderConfig.DEFAULTS,
                        Map.of(),
                        Map.of());
        Path da = folder("a", a);
        Path db = folder("b", b);
        RunRecorder ra =
                RunRecorder.manual(da, new RunClock(a.startEpochMillis(), 0), a.recorderConfig());
        RunRecorder rb =
                RunRecorder.manual(db, new RunClock(b.startEpochMillis(), 0), b.recorderConfig());
        RequestTimeline t =
                RequestTimeline.builder(io.tokenbench.reports.record.EndpointClass.CHAT)
                        .send(0)
                        .outputEvents(5_000_000L)
                        .usage(1, 1)
                        .build();
        ra.record(t);
        rb.record(t);
        ra.rollInterval(base + 1000);
        rb.rollInterval(base + 1000);
        ra.record(t);
        ra.closeAt(base + 1500);
        rb.closeAt(base + 1800);
        RunMerger.merge(tmp.resolve("m"), List.of(da, db));
        Map<String, List<long[]>> merged =
                histograms(tmp.resolve("m").resolve(RunFolder.METRICS_HLOG));
        // bucket 0 spans the earliest start to the boundary and holds both injectors' first sample
        String first = (base + 300) + "/" + (base + 1000) + "/ttft";
        assertThat(merged).containsKey(first);
        assertThat(merged.get(first)).hasSize(1);
        assertThat(merged.get(first).get(0)[1]).isEqualTo(2);
        assertThat(merged).containsKey((base + 1000) + "/" + (base + 1500) + "/ttft");
    }

    @Test
    void refusesMismatchedRunsAndNonEmptyOutput() throws Exception {
        Path a = TestRuns.create(tmp.resolve("runs"), TestRuns.spec("a"));
        Path b = TestRuns.create(tmp.resolve("runs"), TestRuns.spec("b").slower(1));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> RunMerger.merge(out, List.of(a, b)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not empty");
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
        assertThatThrownBy(() -> RunMerger.merge(tmp.resolve("o2"), List.of(a)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least two");
    }

    @Test
    void aCorruptInputLeavesNoHalfMergedRun() throws Exception {
        Path a = TestRuns.create(tmp.resolve("runs"), TestRuns.spec("a"));
        Path b = TestRuns.create(tmp.resolve("runs"), TestRuns.spec("b").seed(2));
        Path hlog = b.resolve(RunFolder.METRICS_HLOG);
        String text = Files.readString(hlog);
        Files.writeString(hlog, text.substring(0, text.length() / 2));
        Path out = tmp.resolve("merged");
        assertThatThrownBy(() -> RunMerger.merge(out, List.of(a, b)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("metrics.hlog line");
        assertThat(out).doesNotExist();
    }
}
