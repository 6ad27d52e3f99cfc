package io.tokenbench.benchmarks.reports;

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

/**
 * A synthetic one-hour run folder: 3600 intervals of 1 s at {@code ratePerSecond} streamed chat
 * requests (log-normal TTFT around 300 ms, 20-80 tokens at ~10 ms gaps, 1 % http_5xx), recorded
 * through the real {@link RunRecorder} with a manual clock. Eleven metrics get samples every
 * interval (ttft, ttft_sched, ttfc, ttfb, e2e, e2e_sched, stream_tail, itl, tpot, decode_rate,
 * dispatch_lag).
 */
final class HourRun {

    static final int SECONDS = 3600;
    private static final long MS = 1_000_000L;

    private HourRun() {}

    static Path create(Path runsRoot, int ratePerSecond) {
        long start = 1_764_000_000_000L;
        RecorderConfig config =
                new RecorderConfig(
                        Duration.ofSeconds(1),
                        new Window(
                                Duration.ofSeconds(60),
                                Duration.ofSeconds(SECONDS - 120),
                                Duration.ofSeconds(30)),
                        Slo.of(Duration.ofMillis(800), Duration.ofMillis(50), null));
        RunInfo info =
                RunInfo.create(
                        "hour",
                        "synthetic",
                        start,
                        "http://127.0.0.1:8080",
                        new LoadModel.Open(ratePerSecond),
                        config,
                        Map.of(),
                        Map.of("tokenbench", "bench"));
        RunFolder folder = RunFolder.create(runsRoot, info);
        RunRecorder recorder = RunRecorder.manual(folder.dir(), new RunClock(start, 0), config);
        SplittableRandom rnd = new SplittableRandom(42);
        for (int s = 0; s < SECONDS; s++) {
            for (int i = 0; i < ratePerSecond; i++) {
                long sched = s * 1_000 * MS + i * (1_000 * MS / ratePerSecond);
                recorder.markScheduled(sched);
                recorder.record(request(rnd, sched));
            }
            recorder.rollInterval(start + (s + 1) * 1_000L);
        }
        recorder.closeAt(start + SECONDS * 1_000L);
        return folder.dir();
    }

    private static RequestTimeline request(SplittableRandom rnd, long sched) {
        long send = sched + (long) (rnd.nextDouble() * MS);
        if (rnd.nextDouble() < 0.01) {
            return RequestTimeline.builder(EndpointClass.CHAT)
                    .sched(sched)
                    .send(send)
                    .outcome(Outcome.HTTP_5XX)
                    .build();
        }
        double z =
                Math.sqrt(-2 * Math.log(Math.max(1e-12, rnd.nextDouble())))
                        * Math.cos(2 * Math.PI * rnd.nextDouble());
        long first = send + (long) (300 * MS * Math.exp(0.3 * z));
        int tokens = 20 + rnd.nextInt(60);
        long[] events = new long[tokens];
        long t = first;
        for (int k = 0; k < tokens; k++) {
            events[k] = t;
            t += (long) (MS * (8 + 4 * rnd.nextDouble()));
        }
        return RequestTimeline.builder(EndpointClass.CHAT)
                .sched(sched)
                .send(send)
                .headers(send + 20 * MS)
                .outputEvents(events)
                .firstContent(first)
                .done(events[tokens - 1] + MS)
                .usage(200, tokens)
                .clientCountedTokens(tokens)
                .microCredits(tokens * 3L)
                .build();
    }
}
