package io.tokenbench.reports.record;

import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.model.RunInfoJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Child JVM for {@link IncompleteRunTest}: a 60 s planned window at 200 requests/s with a 100 ms
 * reporter, recording (1 in 10 requests a 500 with an error sample) until killed.
 */
public final class IncompleteRunChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RunClock clock = RunClock.now();
        RecorderConfig config =
                new RecorderConfig(
                        Duration.ofMillis(100),
                        new Window(Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(1)),
                        Slo.NONE);
        RunInfo info =
                RunInfo.create(
                        "killed",
                        "synthetic",
                        clock.startEpochMillis(),
                        "http://127.0.0.1:1",
                        new LoadModel.Open(200),
                        config,
                        Map.of(),
                        Map.of());
        Files.writeString(dir.resolve("run.json"), RunInfoJson.toJson(info));
        RunRecorder recorder = RunRecorder.start(dir, clock, config);
        for (long i = 0; ; i++) {
            long due = clock.startNanoTime() + i * 5_000_000L;
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            long now = System.nanoTime();
            recorder.markScheduled(due);
            boolean error = i % 10 == 9;
            RequestTimeline.Builder b =
                    RequestTimeline.builder(EndpointClass.CHAT)
                            .sched(due)
                            .send(now)
                            .headers(now + 1_000_000)
                            .status(error ? 500 : 200)
                            .outcome(error ? Outcome.HTTP_5XX : Outcome.OK);
            if (!error) {
                b.outputEvents(now + 2_000_000, now + 3_000_000).done(now + 3_100_000).usage(5, 2);
            } else {
                recorder.errorSampler()
                        .offer(
                                EndpointClass.CHAT,
                                Outcome.HTTP_5XX,
                                500,
                                Map.of("x-request-id", "r" + i),
                                "{\"error\":{\"message\":\"upstream exploded\"}}");
            }
            recorder.record(b.build());
        }
    }
}
