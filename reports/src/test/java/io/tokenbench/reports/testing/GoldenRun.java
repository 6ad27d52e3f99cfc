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

/**
 * A tiny run whose every number can be computed by hand (see the golden files' notes in
 * src/test/resources/golden/README.md). Times in ms since the run start; t_send = t_sched + 1 ms.
 *
 * <ol>
 *   <li>sched 0: events 101, 111, 121; done 122; usage 50 + 3; 90 micro-Credits
 *   <li>sched 500: events 701, 721; done 722; usage 50 + 2; 60 micro-Credits
 *   <li>sched 1000: http_5xx
 *   <li>sched 1500: events 1901, 1931, 1961, 1991; done 1992; usage 50 + 4; 120 micro-Credits
 *       (misses the 300 ms ttft_sched SLO)
 *   <li>sched 1900: never finishes (unfinished, counted as timeout_idle)
 * </ol>
 *
 * Intervals cut at 1000 and 2000 ms, closed at 2500 ms. Window: no warm-up, 2 s measured, 1 s
 * grace.
 */
public final class GoldenRun {

    public static final long START_MS = 1_764_359_000_000L; // 2025-11-28T19:43:20Z, a whole second
    private static final long MS = 1_000_000L;

    private GoldenRun() {}

    public static RunInfo info(String scenario) {
        RecorderConfig config =
                new RecorderConfig(
                        Duration.ofSeconds(1),
                        new Window(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(1)),
                        Slo.of(Duration.ofMillis(300), null, null));
        return RunInfo.create(
                scenario,
                "synthetic",
                START_MS,
                "http://127.0.0.1:8080/v1",
                new LoadModel.Open(2.5),
                config,
                Map.of("model", "mock-chat"),
                Map.of("tokenbench", "test"));
    }

    public static Path create(Path runsRoot, String scenario, double slowdown) {
        RunInfo info = info(scenario);
        RunFolder folder = RunFolder.create(runsRoot, info);
        RunRecorder r =
                RunRecorder.manual(folder.dir(), new RunClock(START_MS, 0), info.recorderConfig());
        for (long sched : new long[] {0, 500, 1000, 1500, 1900}) {
            r.markScheduled(sched * MS);
        }
        r.record(chat(0, slowdown, 90, 101, 111, 121));
        r.record(chat(500, slowdown, 60, 701, 721));
        r.rollInterval(START_MS + 1000);
        r.record(
                RequestTimeline.builder(EndpointClass.CHAT)
                        .sched(1000 * MS)
                        .send(1001 * MS)
                        .headers(1010 * MS)
                        .outcome(Outcome.HTTP_5XX)
                        .build());
        r.record(chat(1500, slowdown, 120, 1901, 1931, 1961, 1991));
        r.rollInterval(START_MS + 2000);
        r.closeAt(START_MS + 2500);
        return folder.dir();
    }

    /** A chat request; event times are scaled around t_send by {@code slowdown}. */
    private static RequestTimeline chat(
            long schedMs, double slowdown, long microCredits, long... eventMs) {
        long send = (schedMs + 1) * MS;
        long[] events = new long[eventMs.length];
        for (int i = 0; i < eventMs.length; i++) {
            events[i] = send + Math.round((eventMs[i] * MS - send) * slowdown);
        }
        return RequestTimeline.builder(EndpointClass.CHAT)
                .sched(schedMs * MS)
                .send(send)
                .headers(send + 5 * MS)
                .outputEvents(events)
                .firstContent(events[0])
                .done(events[events.length - 1] + MS)
                .usage(50, eventMs.length)
                .clientCountedTokens(eventMs.length)
                .microCredits(microCredits)
                .build();
    }
}
