package io.tokenbench.reports.testing;

import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.JobTimeline;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RecorderConfig;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.RunRecorder;
import io.tokenbench.reports.record.Slo;
import io.tokenbench.reports.record.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A hand-countable mixed-endpoint run recorded per class through the real recorder: 4 measured
 * seconds, each with 2 chat streams (ttft 100 ms), 3 embeddings (10 ms; the first of all fails with
 * 5xx), 1 image request of 2 images (400 ms: image_e2e 200 ms, over its 300 ms SLO), 1 speech
 * stream (first chunk at 50 ms, 4 chunks 250 ms apart), 1 transcription of 3 s of audio in 300 ms
 * (rtf 10). Video: a job submitted at 0 s (accepted 20 ms, started 1 s, completed 2 s, 3 polls),
 * one at 2 s that fails, and one scheduled at 3 s that never finishes. Totals: chat 8, embeddings
 * 12 (1 error), images 4 (0 good), speech 4, transcription 4, video 3 (1 good, 1 failed, 1
 * unfinished): 35 attempted, 28 good.
 */
public final class MixedRuns {

    public static final long START_MS = 1_764_359_000_000L;
    private static final long MS = 1_000_000L;

    private MixedRuns() {}

    public static Map<EndpointClass, Slo> slos() {
        Map<EndpointClass, Slo> m = new EnumMap<>(EndpointClass.class);
        m.put(EndpointClass.CHAT, Slo.of(Duration.ofMillis(200), Duration.ofMillis(100), null));
        m.put(EndpointClass.EMBEDDINGS, Slo.of(null, null, Duration.ofMillis(100)));
        m.put(EndpointClass.IMAGES, Slo.of(null, null, Duration.ofMillis(300)));
        m.put(EndpointClass.SPEECH, Slo.of(Duration.ofMillis(500), null, Duration.ofSeconds(5)));
        m.put(EndpointClass.TRANSCRIPTION, Slo.of(null, null, Duration.ofSeconds(1)));
        m.put(EndpointClass.VIDEO, Slo.of(null, null, Duration.ofSeconds(5)));
        return m;
    }

    public static RunInfo info(String scenario) {
        RecorderConfig config =
                new RecorderConfig(
                        Duration.ofSeconds(1),
                        new Window(Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(1)),
                        Slo.NONE,
                        slos());
        return RunInfo.create(
                scenario,
                "synthetic",
                START_MS,
                "http://127.0.0.1:8080/v1",
                new LoadModel.Open(8.75),
                config,
                Map.of("scenario", "mixed"),
                Map.of("tokenbench", "test"));
    }

    public static Path create(Path runsRoot, String scenario) {
        RunInfo info = info(scenario);
        RunFolder folder = RunFolder.create(runsRoot, info);
        RunRecorder r =
                RunRecorder.manual(folder.dir(), new RunClock(START_MS, 0), info.recorderConfig());
        for (int sec = 0; sec < 4; sec++) {
            long base = sec * 1000 * MS;
            for (int i = 0; i < 2; i++) {
                long t = base + i * 400 * MS;
                r.markScheduled(t, EndpointClass.CHAT);
                r.record(
                        RequestTimeline.builder(EndpointClass.CHAT)
                                .sched(t)
                                .send(t)
                                .headers(t + 50 * MS)
                                .outputEvents(t + 100 * MS, t + 120 * MS, t + 140 * MS)
                                .done(t + 141 * MS)
                                .usage(10, 3)
                                .clientCountedTokens(3)
                                .build());
            }
            for (int i = 0; i < 3; i++) {
                long t = base + (100 + i * 300) * MS;
                r.markScheduled(t, EndpointClass.EMBEDDINGS);
                boolean fail = sec == 0 && i == 0;
                RequestTimeline.Builder b =
                        RequestTimeline.builder(EndpointClass.EMBEDDINGS)
                                .sched(t)
                                .send(t)
                                .headers(t + 9 * MS)
                                .done(t + 10 * MS)
                                .outcome(fail ? Outcome.HTTP_5XX : Outcome.OK);
                r.record(b.build());
            }
            long ti = base + 200 * MS;
            r.markScheduled(ti, EndpointClass.IMAGES);
            r.record(
                    RequestTimeline.builder(EndpointClass.IMAGES)
                            .sched(ti)
                            .send(ti)
                            .headers(ti + 399 * MS)
                            .done(ti + 400 * MS)
                            .images(2)
                            .build());
            long ts = base + 300 * MS;
            r.markScheduled(ts, EndpointClass.SPEECH);
            r.record(
                    RequestTimeline.builder(EndpointClass.SPEECH)
                            .sched(ts)
                            .send(ts)
                            .headers(ts + 10 * MS)
                            .outputEvents(ts + 50 * MS, ts + 300 * MS, ts + 550 * MS, ts + 800 * MS)
                            .done(ts + 801 * MS)
                            .build());
            long tt = base + 500 * MS;
            r.markScheduled(tt, EndpointClass.TRANSCRIPTION);
            r.record(
                    RequestTimeline.builder(EndpointClass.TRANSCRIPTION)
                            .sched(tt)
                            .send(tt)
                            .headers(tt + 299 * MS)
                            .done(tt + 300 * MS)
                            .audioNanos(3000 * MS)
                            .build());
            if (sec == 0 || sec == 2 || sec == 3) {
                long tv = base + 600 * MS;
                r.markScheduled(tv, EndpointClass.VIDEO);
                if (sec == 0) {
                    r.record(
                            new JobTimeline(
                                    tv,
                                    tv,
                                    tv + 20 * MS,
                                    tv + 1000 * MS,
                                    tv + 2000 * MS,
                                    3,
                                    Outcome.OK,
                                    0));
                } else if (sec == 2) {
                    r.record(
                            new JobTimeline(
                                    tv,
                                    tv,
                                    tv + 20 * MS,
                                    tv + 1000 * MS,
                                    RequestTimeline.ABSENT,
                                    2,
                                    Outcome.STREAM_ERROR_EVENT,
                                    0));
                }
            }
            r.rollInterval(START_MS + (sec + 1) * 1000L);
        }
        r.closeAt(START_MS + 5000L);
        return folder.dir();
    }
}
