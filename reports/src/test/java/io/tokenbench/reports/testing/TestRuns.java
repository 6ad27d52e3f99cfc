package io.tokenbench.reports.testing;

import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RecorderConfig;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.RunRecorder;
import io.tokenbench.reports.record.Slo;
import io.tokenbench.reports.record.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Deterministic synthetic run folders, recorded through the real recorder with a manual interval
 * clock.
 */
public final class TestRuns {

    public static final long START_MS = 1_764_359_000_000L; // 2025-11-28T19:43:20Z

    private TestRuns() {}

    /** Parameters of a synthetic open-model chat run. */
    public record Spec(
            String scenario,
            long seed,
            int seconds,
            int ratePerSecond,
            double ttftMedianMs,
            double errorShare,
            long startEpochMillis) {
        public Spec slower(double factor) {
            return new Spec(
                    scenario,
                    seed,
                    seconds,
                    ratePerSecond,
                    ttftMedianMs * factor,
                    errorShare,
                    startEpochMillis);
        }

        public Spec seed(long value) {
            return new Spec(
                    scenario,
                    value,
                    seconds,
                    ratePerSecond,
                    ttftMedianMs,
                    errorShare,
                    startEpochMillis);
        }
    }

    public static Spec spec(String scenario) {
        return new Spec(scenario, 1, 20, 50, 200, 0.02, START_MS);
    }

    public static RunInfo info(Spec s) {
        RecorderConfig config =
                new RecorderConfig(
                        Duration.ofSeconds(1),
                        new Window(
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(s.seconds() - 4),
                                Duration.ofSeconds(2)),
                        Slo.of(Duration.ofMillis(Math.round(s.ttftMedianMs() * 2)), null, null));
        return RunInfo.create(
                s.scenario(),
                "synthetic",
                s.startEpochMillis(),
                "http://127.0.0.1:8080/v1",
                new LoadModel.Open(s.ratePerSecond()),
                config,
                Map.of("model", "mock-chat"),
                Map.of("tokenbench", "test"));
    }

    /** Records a run into a new folder under {@code runsRoot}. */
    public static Path create(Path runsRoot, Spec s) {
        RunInfo info = info(s);
        RunFolder folder = RunFolder.create(runsRoot, info);
        record(folder.dir(), info, s, r -> {});
        return folder.dir();
    }

    /**
     * Records the requests of {@code s} with a manual recorder; each request is also handed to
     * {@code also} (tests that split a run across recorders use it).
     */
    public static void record(Path dir, RunInfo info, Spec s, Consumer<RequestTimeline> also) {
        RunClock clock = new RunClock(info.startEpochMillis(), 0);
        RunRecorder recorder = RunRecorder.manual(dir, clock, info.recorderConfig());
        forEachRequest(
                s,
                (t, boundary) -> {
                    if (t == null) {
                        recorder.rollInterval(boundary);
                        return;
                    }
                    recorder.markScheduled(t.tSchedNanos());
                    recorder.record(t);
                    also.accept(t);
                });
        recorder.closeAt(s.startEpochMillis() + s.seconds() * 1000L);
    }

    /**
     * A request, or (null, boundary) when an interval ends at the epoch millisecond {@code
     * boundary}.
     */
    public interface RequestOrBoundary {
        void accept(RequestTimeline request, long boundaryEpochMillis);
    }

    /**
     * The requests of a spec, in arrival order, with the aligned interval boundaries between them.
     */
    public static void forEachRequest(Spec s, RequestOrBoundary sink) {
        SplittableRandom rnd = new SplittableRandom(s.seed());
        long ms = 1_000_000L;
        long nextBoundary = (s.startEpochMillis() / 1000 + 1) * 1000;
        int total = s.seconds() * s.ratePerSecond();
        for (int i = 0; i < total; i++) {
            long tSched = (long) i * 1_000_000_000L / s.ratePerSecond();
            long epochMs = s.startEpochMillis() + tSched / ms;
            while (epochMs >= nextBoundary) {
                sink.accept(null, nextBoundary);
                nextBoundary += 1000;
            }
            long lag = (long) (rnd.nextDouble() * 2 * ms);
            long ttft = (long) (s.ttftMedianMs() * ms * Math.exp(0.4 * gaussian(rnd)));
            int tokens = 5 + rnd.nextInt(20);
            long[] events = new long[tokens];
            long t = tSched + lag + ttft;
            for (int k = 0; k < tokens; k++) {
                events[k] = t;
                t += (long) (ms * (8 + 4 * rnd.nextDouble()));
            }
            Outcome outcome =
                    rnd.nextDouble() < s.errorShare()
                            ? (rnd.nextBoolean() ? Outcome.HTTP_5XX : Outcome.HTTP_429)
                            : Outcome.OK;
            RequestTimeline.Builder b =
                    RequestTimeline.builder(EndpointClass.CHAT)
                            .sched(tSched)
                            .send(tSched + lag)
                            .outcome(outcome)
                            .status(
                                    outcome == Outcome.OK
                                            ? 200
                                            : outcome == Outcome.HTTP_5XX ? 500 : 429)
                            .retryAfterMillis(
                                    outcome == Outcome.HTTP_429 ? 1000 : RequestTimeline.UNKNOWN);
            if (outcome == Outcome.OK) {
                b.headers(tSched + lag + ttft / 2)
                        .outputEvents(events)
                        .firstContent(events[0])
                        .done(events[tokens - 1] + 200_000)
                        .usage(100, tokens)
                        .clientCountedTokens(tokens)
                        .microCredits(30L * tokens);
            }
            sink.accept(b.build(), 0);
        }
        long end = s.startEpochMillis() + s.seconds() * 1000L;
        while (nextBoundary < end) {
            sink.accept(null, nextBoundary);
            nextBoundary += 1000;
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = Math.max(1e-12, rnd.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
