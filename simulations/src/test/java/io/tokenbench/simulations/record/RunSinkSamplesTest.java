package io.tokenbench.simulations.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.RecorderConfig;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.Slo;
import io.tokenbench.reports.record.Window;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples.jsonl keeps the first five non-empty outputs, and the sink says when it wants no more, so
 * the chat call stops collecting them: it asks exactly while a sample would still be kept.
 */
class RunSinkSamplesTest {
    @TempDir Path runs;

    @Test
    void theFirstFiveNonEmptyOutputsAreKeptAndTheSinkThenWantsNoMore() throws Exception {
        RecorderConfig config =
                new RecorderConfig(
                        Duration.ofSeconds(1),
                        new Window(Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(1)),
                        Slo.of(Duration.ofMillis(800), Duration.ofMillis(50), null));
        RunClock clock = RunClock.now();
        RunInfo info =
                RunInfo.create(
                        "samples",
                        "gatling",
                        clock.startEpochMillis(),
                        "http://127.0.0.1:1",
                        new LoadModel.Closed(1),
                        config,
                        Map.of(),
                        Map.of());
        RunSink sink = RunSink.open(runs, info, clock);
        long now = System.nanoTime();
        RequestTimeline ok =
                RequestTimeline.builder(EndpointClass.CHAT).send(now).done(now + 1_000).build();
        List<Boolean> wanted = new ArrayList<>();
        for (String text : List.of("", "one", "", "two", "three", "four", "", "five", "six", "")) {
            wanted.add(sink.wantsSampleText());
            sink.finished(-1, ok, text);
        }
        wanted.add(sink.wantsSampleText());
        sink.close();

        // asked before each of the 10 requests, then once more: true until "five" was kept
        assertThat(wanted)
                .containsExactly(
                        true, true, true, true, true, true, true, true, false, false, false);
        assertThat(
                        Files.readAllLines(
                                sink.folder().file(RunSink.SAMPLES_JSONL), StandardCharsets.UTF_8))
                .containsExactly(
                        "{\"output\":\"one\"}",
                        "{\"output\":\"two\"}",
                        "{\"output\":\"three\"}",
                        "{\"output\":\"four\"}",
                        "{\"output\":\"five\"}");
    }
}
