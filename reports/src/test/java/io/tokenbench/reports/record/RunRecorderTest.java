package io.tokenbench.reports.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

    private static final long START_MS = 1_764_000_000_300L; // .300 s past a whole second

    @TempDir Path dir;

    /** Per-tag total counts and the interval start times, read with HdrHistogram's own reader. */
    static Map<String, Long> countsByTag(Path hlog, List<Long> startTimesMs) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                org.HdrHistogram.Histogram hist = (org.HdrHistogram.Histogram) h;
                counts.merge(hist.getTag(), hist.getTotalCount(), Long::sum);
                startTimesMs.add(hist.getStartTimeStamp());
            }
        }
        return counts;
    }

    static List<OutcomesLine> outcomes(Path file) throws Exception {
        List<OutcomesLine> lines = new ArrayList<>();
        for (String s : Files.readAllLines(file)) {
            lines.add(OutcomesJson.parse(s));
        }
        return lines;
    }

    static PhaseCounts total(List<OutcomesLine> lines, Phase phase) {
        return lines.stream().map(l -> l.phase(phase)).reduce(PhaseCounts.ZERO, PhaseCounts::plus);
    }

    private static RequestTimeline chat(long tSched, int outcomeIndex) {
        long t = tSched;
        return RequestTimeline.builder(EndpointClass.CHAT)
                .sched(t)
                .send(t + 10)
                .headers(t + 20)
                .outputEvents(t + 1_000, t + 1_500, t + 2_100)
                .done(t + 2_200)
                .usage(5, 3)
                .outcome(outcomeIndex % 10 == 0 ? Outcome.HTTP_429 : Outcome.OK)
                .retryAfterMillis(outcomeIndex % 10 == 0 ? 2_000 : RequestTimeline.UNKNOWN)
                .microCredits(7)
                .build();
    }

    @Test
    void concurrentWritersLoseNothingAcrossManyIntervals() throws Exception {
        RunClock clock = RunClock.now();
        RunRecorder recorder =
                RunRecorder.start(
                        dir, clock, RecorderConfig.DEFAULTS.withInterval(Duration.ofMillis(20)));
        int threads = 4;
        int perThread = 25_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread th =
                    new Thread(
                            () -> {
                                try {
                                    go.await();
                                } catch (InterruptedException e) {
                                    return;
                                }
                                for (int i = 0; i < perThread; i++) {
                                    long now = System.nanoTime();
                                    recorder.markScheduled(now);
                                    recorder.record(chat(now, i));
                                }
                            });
            th.start();
            writers.add(th);
        }
        go.countDown();
        for (Thread th : writers) {
            th.join();
        }
        recorder.close();

        long requests = (long) threads * perThread;
        long rateLimited = threads * (long) (perThread / 10);
        long ok = requests - rateLimited;
        List<Long> starts = new ArrayList<>();
        Map<String, Long> counts = countsByTag(dir.resolve("metrics.hlog"), starts);
        assertThat(counts.get("dispatch_lag")).isEqualTo(requests); // every request
        assertThat(counts.get("ttft")).isEqualTo(ok); // successes only
        assertThat(counts.get("itl")).isEqualTo(2 * ok); // two gaps each
        assertThat(counts.get("tpot")).isEqualTo(ok);
        assertThat(starts).allMatch(s -> s >= clock.startEpochMillis());

        List<OutcomesLine> lines = outcomes(dir.resolve("outcomes.jsonl"));
        assertThat(lines.size()).isGreaterThan(1);
        PhaseCounts measured = total(lines, Phase.MEASURE);
        assertThat(measured.scheduled()).isEqualTo(requests);
        assertThat(measured.completed()).isEqualTo(requests);
        assertThat(measured.outcome(Outcome.OK)).isEqualTo(ok);
        assertThat(measured.outcome(Outcome.HTTP_429)).isEqualTo(rateLimited);
        assertThat(measured.retryAfterCount()).isEqualTo(rateLimited);
        assertThat(measured.retryAfterMaxMillis()).isEqualTo(2_000);
        assertThat(measured.outputTokens()).isEqualTo(3 * requests);
        assertThat(measured.microCredits()).isEqualTo(7 * requests);
        assertThat(measured.good()).isEqualTo(ok);
        assertThat(measured.unfinished()).isZero();
        // consecutive lines tile time without gaps
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).startEpochMillis())
                    .isEqualTo(lines.get(i - 1).endEpochMillis());
        }
    }

    @Test
    void phasesFollowTSchedAndTagsCarryThem() throws Exception {
        long startNanos = 5_000_000_000L;
        RunClock clock = new RunClock(START_MS, startNanos);
        Window window =
                new Window(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(2));
        RunRecorder recorder =
                RunRecorder.manual(dir, clock, RecorderConfig.DEFAULTS.withWindow(window));
        long s = 1_000_000_000L;
        recorder.record(chat(startNanos + 5 * s, 1)); // warm-up
        recorder.record(chat(startNanos + 15 * s, 1)); // measured
        recorder.record(chat(startNanos + 15 * s, 2)); // measured
        recorder.record(chat(startNanos + 25 * s, 1)); // cool-down
        recorder.closeAt(START_MS + 700);

        List<Long> starts = new ArrayList<>();
        Map<String, Long> counts = countsByTag(dir.resolve("metrics.hlog"), starts);
        assertThat(counts)
                .containsEntry("warmup.ttft", 1L)
                .containsEntry("ttft", 2L)
                .containsEntry("cooldown.ttft", 1L);
        assertThat(starts).containsOnly(START_MS); // absolute start time survives the log
        List<OutcomesLine> lines = outcomes(dir.resolve("outcomes.jsonl"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).phase(Phase.WARMUP).completed()).isEqualTo(1);
        assertThat(lines.get(0).phase(Phase.MEASURE).completed()).isEqualTo(2);
        assertThat(lines.get(0).phase(Phase.COOLDOWN).completed()).isEqualTo(1);
    }

    @Test
    void intervalsAlignToWholeIntervalsOnTheEpochClock() throws Exception {
        RunRecorder recorder =
                RunRecorder.manual(dir, new RunClock(START_MS, 0), RecorderConfig.DEFAULTS);
        assertThat(recorder.nextBoundary(START_MS)).isEqualTo(1_764_000_001_000L);
        assertThat(recorder.nextBoundary(1_764_000_001_000L)).isEqualTo(1_764_000_002_000L);
        recorder.record(chat(0, 1));
        recorder.rollInterval(1_764_000_001_000L);
        recorder.record(chat(0, 1));
        recorder.closeAt(1_764_000_001_400L);
        List<OutcomesLine> lines = outcomes(dir.resolve("outcomes.jsonl"));
        assertThat(lines)
                .extracting(OutcomesLine::startEpochMillis)
                .containsExactly(START_MS, 1_764_000_001_000L);
        assertThat(lines)
                .extracting(OutcomesLine::endEpochMillis)
                .containsExactly(1_764_000_001_000L, 1_764_000_001_400L);
    }

    @Test
    void scheduledButUnfinishedAtCloseCountAsTimeouts() throws Exception {
        RunRecorder recorder =
                RunRecorder.manual(dir, new RunClock(START_MS, 0), RecorderConfig.DEFAULTS);
        recorder.markScheduled(0);
        recorder.markScheduled(1);
        recorder.markScheduled(2);
        recorder.record(chat(0, 1));
        recorder.rollInterval(START_MS + 700);
        recorder.record(chat(1, 1));
        recorder.closeAt(START_MS + 900);
        recorder.record(chat(2, 1)); // too late
        recorder.close(); // idempotent

        PhaseCounts measured = total(outcomes(dir.resolve("outcomes.jsonl")), Phase.MEASURE);
        assertThat(measured.scheduled()).isEqualTo(3);
        assertThat(measured.completed()).isEqualTo(2);
        assertThat(measured.unfinished()).isEqualTo(1);
        assertThat(measured.outcome(Outcome.TIMEOUT_IDLE)).isEqualTo(1);
        assertThat(measured.attempted()).isEqualTo(3);
        assertThat(recorder.droppedAfterClose()).isEqualTo(1);
    }

    @Test
    void theLogIsTaggedHdrHistogramFormatWithStartAndBaseTime() throws Exception {
        RunRecorder recorder =
                RunRecorder.manual(dir, new RunClock(START_MS, 0), RecorderConfig.DEFAULTS);
        recorder.record(chat(0, 1));
        recorder.closeAt(START_MS + 700);
        List<String> lines = Files.readAllLines(dir.resolve("metrics.hlog"));
        assertThat(lines.get(0)).isEqualTo("#[Histogram log format version 1.3]");
        assertThat(lines).anyMatch(l -> l.startsWith("#[StartTime: 1764000000.300 "));
        assertThat(lines).anyMatch(l -> l.startsWith("#[BaseTime: 1764000000.300 "));
        // ttft of chat(0): 1000 ns; max column is in ms (ratio 1e6)
        assertThat(lines).anyMatch(l -> l.startsWith("Tag=ttft,0.000,0.700,0.001,"));
        assertThat(new File(dir.toFile(), "metrics.hlog").length()).isPositive();
    }
}
