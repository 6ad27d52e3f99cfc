package io.tokenbench.reports.record;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Child JVM for {@link RunRecorderKillTest}: records forever with a 50 ms reporter until killed.
 */
public final class RecordingChild {
    public static void main(String[] args) throws Exception {
        RunRecorder recorder =
                RunRecorder.start(
                        Path.of(args[0]),
                        RunClock.now(),
                        RecorderConfig.DEFAULTS.withInterval(Duration.ofMillis(50)));
        long i = 0;
        while (true) {
            long now = System.nanoTime();
            recorder.record(
                    RequestTimeline.builder(EndpointClass.CHAT)
                            .send(now)
                            .outputEvents(now + 1_000_000, now + 2_000_000 + (i++ % 1000) * 1000)
                            .done(now + 3_000_000)
                            .usage(3, 2)
                            .build());
            if (i % 100 == 0) {
                Thread.sleep(1);
            }
        }
    }
}
