package io.tokenbench.reports.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.ingest.RequestLogReconciler;
import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.RunVerdict;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.testing.TestRuns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** requests.jsonl.gz: what a recorder writes for free, its reconciliation, and drops. */
class RequestLogTest {

    @TempDir Path tmp;

    static TestRuns.Spec spec(String name) {
        TestRuns.Spec s = TestRuns.spec(name);
        return new TestRuns.Spec(
                name, 5, s.seconds(), s.ratePerSecond(), 80, 0.1, s.startEpochMillis());
    }

    static List<RequestRecord> records(Path dir) {
        List<RequestRecord> out = new ArrayList<>();
        RequestLogReader.Result r =
                RequestLogReader.forEach(dir.resolve(RequestLog.FILE), out::add);
        assertThat(r.truncated()).isFalse();
        assertThat(r.records()).isEqualTo(out.size());
        return out;
    }

    @Test
    void everyRecordedRequestBecomesARecordThatReconcilesWithTheSummary() {
        TestRuns.Spec spec = spec("records");
        Path dir = TestRuns.create(tmp, spec);
        List<RequestTimeline> sent = new ArrayList<>();
        TestRuns.forEachRequest(
                spec,
                (t, b) -> {
                    if (t != null) {
                        sent.add(t);
                    }
                });
        List<RequestRecord> records = records(dir);
        assertThat(records).hasSize(sent.size()).hasSize(spec.seconds() * spec.ratePerSecond());
        // phases by t_sched: 2 s warm-up, 16 s measured, 2 s after the window (grace)
        assertThat(records.stream().filter(r -> r.phase().equals("warmup"))).hasSize(100);
        assertThat(records.stream().filter(RequestRecord::measured)).hasSize(800);
        assertThat(records.stream().filter(r -> r.phase().equals("grace"))).hasSize(100);
        assertThat(records)
                .extracting(RequestRecord::id)
                .doesNotHaveDuplicates()
                .contains(1L, 1000L);

        // record i is request i: t_sched = start + i * 20 ms; durations from the timeline
        for (int i : new int[] {0, 1, 417, 999}) {
            RequestRecord r = records.get(i);
            RequestTimeline t = sent.get(i);
            assertThat(r.id()).isEqualTo(i + 1);
            assertThat(r.tSchedEpochMillis()).isEqualTo(spec.startEpochMillis() + i * 20.0);
            assertThat(r.tSendEpochMillis())
                    .isCloseTo(spec.startEpochMillis() + t.tSendNanos() / 1e6, within(0.001));
            assertThat(r.outcome()).isEqualTo(t.outcome());
            assertThat(r.injector()).isEqualTo("0");
            assertThat(r.endpoint()).isEqualTo(EndpointClass.CHAT);
            if (t.outcome() == Outcome.OK) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.ttftMillis())
                        .isCloseTo((t.tFirstNanos() - t.tSendNanos()) / 1e6, within(0.001));
                assertThat(r.ttfbMillis())
                        .isCloseTo((t.tHdrNanos() - t.tSendNanos()) / 1e6, within(0.001));
                assertThat(r.e2eMillis())
                        .isCloseTo((t.tLastNanos() - t.tSendNanos()) / 1e6, within(0.001));
                assertThat(r.inputTokens()).isEqualTo(100);
                assertThat(r.outputTokens()).isEqualTo(t.completionTokens());
                assertThat(r.outputTokensCounted()).isEqualTo(t.clientCountedTokens());
            } else {
                assertThat(r.status()).isIn(429, 500);
                assertThat(r.ttftMillis()).isNaN();
                assertThat(r.outputTokens()).isEqualTo(RequestTimeline.UNKNOWN);
            }
        }

        RunData run = RunLoader.load(dir, false);
        RunSummary summary = SummaryBuilder.build(run);
        RequestLogReconciler.Reconciliation rec =
                RequestLogReconciler.reconcile(dir.resolve(RequestLog.FILE), summary);
        assertThat(rec.matches()).as(rec.describe()).isTrue();
        assertThat(rec.found().get(Outcome.OK)).isEqualTo(summary.outcomes().get(Outcome.OK));
        assertThat(rec.found().get(Outcome.HTTP_5XX)).isPositive();
        assertThat(summary.validity()).noneMatch(f -> f.code().startsWith("request_log"));
        // ...and with the histograms: every measured success with a first token is one ttft sample
        List<RequestRecord> measuredOk =
                records.stream()
                        .filter(RequestRecord::measured)
                        .filter(r -> r.outcome().isSuccess())
                        .toList();
        assertThat(measuredOk.stream().filter(r -> !Double.isNaN(r.ttftMillis())).count())
                .isEqualTo(summary.metrics().get("ttft").count());
        assertThat((long) measuredOk.size()).isEqualTo(summary.metrics().get("e2e").count());
        double[] ttft =
                measuredOk.stream().mapToDouble(RequestRecord::ttftMillis).sorted().toArray();
        // HdrHistogram keeps 3 significant digits: its p50 is within 0.1 % of the records' median
        assertThat(summary.metrics().get("ttft").p50())
                .isCloseTo(
                        ttft[(int) Math.ceil(0.5 * ttft.length) - 1],
                        org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(Files.exists(dir.resolve(RunEnd.END))).isTrue();
        assertThat(RunEnd.read(dir).orElseThrow().requestRecords()).isEqualTo(1000);
    }

    @Test
    void aRecordMissingFromTheLogIsAMismatchAndInvalidatesTheRun() throws Exception {
        Path dir = TestRuns.create(tmp, spec("mismatch"));
        Path file = dir.resolve(RequestLog.FILE);
        List<String> lines = new ArrayList<>();
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(file)),
                                StandardCharsets.UTF_8))) {
            r.lines().forEach(lines::add);
        }
        int victim = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"phase\":\"measured\"")
                    && lines.get(i).contains("\"outcome\":\"http_5xx\"")) {
                victim = i;
                break;
            }
        }
        assertThat(victim).isNotNegative();
        lines.remove(victim);
        try (Writer w =
                new OutputStreamWriter(
                        new GZIPOutputStream(Files.newOutputStream(file)),
                        StandardCharsets.UTF_8)) {
            for (String l : lines) {
                w.write(l + "\n");
            }
        }
        RunSummary summary = SummaryBuilder.build(RunLoader.load(dir, false));
        long expected5xx = summary.outcomes().get(Outcome.HTTP_5XX);
        RequestLogReconciler.Reconciliation rec = RequestLogReconciler.reconcile(file, summary);
        assertThat(rec.matches()).isFalse();
        assertThat(rec.describe())
                .isEqualTo(
                        "http_5xx: "
                                + (expected5xx - 1)
                                + " measured records, "
                                + expected5xx
                                + " expected");
        assertThat(summary.validity())
                .anySatisfy(
                        f -> {
                            assertThat(f.code()).isEqualTo("request_log_mismatch");
                            assertThat(f.message()).contains(rec.describe());
                        });
        ReportWriter.Written w = ReportWriter.writeAll(dir);
        assertThat(w.verdict().state()).isEqualTo(RunVerdict.State.INVALID);
    }

    @Test
    void droppedRecordsAreCountedAndFlagTheRun() throws Exception {
        Path file = tmp.resolve("drops.jsonl.gz");
        RequestLog log = RequestLog.open(file, 1);
        int threads = 4;
        int perThread = 20_000;
        AtomicLong accepted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        RequestRecord r =
                new RequestRecord(
                        1,
                        EndpointClass.CHAT,
                        "measured",
                        "0",
                        Outcome.OK,
                        200,
                        1.0,
                        2.0,
                        3.0,
                        4.0,
                        5.0,
                        6,
                        7,
                        7,
                        0);
        for (int t = 0; t < threads; t++) {
            pool.submit(
                    () -> {
                        for (int i = 0; i < perThread; i++) {
                            if (log.offer(r)) {
                                accepted.incrementAndGet();
                            }
                        }
                    });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        RequestLog.Stats stats = log.stats();
        assertThat(stats.written()).isEqualTo(accepted.get());
        assertThat(stats.written() + stats.dropped()).isEqualTo((long) threads * perThread);
        assertThat(log.offer(r)).isFalse(); // after close: dropped and counted, never lost silently
        assertThat(log.dropped()).isEqualTo(stats.dropped() + 1);
        long[] lines = {0};
        RequestLogReader.forEach(file, x -> lines[0]++);
        assertThat(lines[0]).isEqualTo(accepted.get());

        // a recorder that dropped records says so in end.json; the report flags the run
        Path dir = TestRuns.create(tmp, spec("dropped"));
        RunEnd end = RunEnd.read(dir).orElseThrow();
        new RunEnd(end.endEpochMillis(), 0, end.requestRecords() - 3, 3, 0).markEnded(dir);
        RunSummary summary = SummaryBuilder.build(RunLoader.load(dir, false));
        assertThat(summary.validity())
                .anySatisfy(f -> assertThat(f.code()).isEqualTo("request_log_dropped"));
        assertThat(ReportWriter.writeAll(dir).verdict().state())
                .isEqualTo(RunVerdict.State.INVALID);
    }

    @Test
    void statusRetriesAndVideoJobsReachTheirRecords() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("manual"));
        RunClock clock = new RunClock(TestRuns.START_MS, 0);
        RunRecorder recorder =
                RunRecorder.manual(
                        dir,
                        clock,
                        RecorderConfig.DEFAULTS,
                        RecorderOptions.DEFAULTS.withInjector("east-1"));
        recorder.record(
                RequestTimeline.builder(EndpointClass.EMBEDDINGS)
                        .sched(1_000_000)
                        .send(1_500_000)
                        .headers(9_000_000)
                        .done(9_000_000)
                        .outcome(Outcome.HTTP_5XX)
                        .status(503)
                        .retries(2)
                        .build());
        recorder.record(
                new JobTimeline(
                        2_000_000, 2_000_000, 5_000_000, 6_000_000, 90_000_000, 3, Outcome.OK, 0));
        recorder.closeAt(TestRuns.START_MS + 1000);
        List<RequestRecord> records = records(dir);
        assertThat(records).hasSize(2);
        RequestRecord e = records.get(0);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retries()).isEqualTo(2);
        assertThat(e.injector()).isEqualTo("east-1");
        assertThat(e.tSchedEpochMillis()).isEqualTo(TestRuns.START_MS + 1.0);
        assertThat(e.tSendEpochMillis()).isEqualTo(TestRuns.START_MS + 1.5);
        assertThat(e.ttfbMillis()).isEqualTo(7.5);
        RequestRecord video = records.get(1);
        assertThat(video.endpoint()).isEqualTo(EndpointClass.VIDEO);
        assertThat(video.e2eMillis()).isEqualTo(88.0);
        assertThat(video.ttfbMillis()).isEqualTo(3.0);
        assertThat(RunEnd.incomplete(dir)).isFalse();
        assertThat(dir.resolve(RunFolder.REQUESTS_JSONL_GZ)).exists();
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
