package io.tokenbench.reports.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.ingest.HlogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording JVM killed with SIGKILL leaves every interval written before the kill readable. */
class RunRecorderKillTest {

    @TempDir Path dir;

    @Test
    void sigkillLeavesCompleteReadableIntervals() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child =
                new ProcessBuilder(
                                java,
                                "-Xmx128m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                RecordingChild.class.getName(),
                                dir.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile())
                        .start();
        Path outcomes = dir.resolve("outcomes.jsonl");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lineCount(outcomes) < 8 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive())
                    .as("child still recording; log: %s", dir.resolve("child.log"))
                    .isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL

        String outcomesText = Files.readString(outcomes);
        String hlogText = Files.readString(dir.resolve("metrics.hlog"));
        assertThat(outcomesText).endsWith("\n");
        assertThat(hlogText).endsWith("\n");
        List<OutcomesLine> lines = RunRecorderTest.outcomes(outcomes); // every line parses
        assertThat(lines.size()).isGreaterThanOrEqualTo(8);
        List<TaggedIntervalSeen> intervals = new ArrayList<>();
        HlogReader.forEach(
                dir.resolve("metrics.hlog"), // strict: throws on a bad line
                i ->
                        intervals.add(
                                new TaggedIntervalSeen(
                                        i.tag(), i.startEpochMillis(), i.histogram().total())));
        // the hlog is flushed before the outcomes line of the same interval, and an interval cut
        // moves a request's counts and its histograms together: every outcomes line's completed
        // count equals the e2e histogram count of the same interval (every child request is ok)
        java.util.Map<Long, Long> e2eByStart = new java.util.HashMap<>();
        intervals.stream()
                .filter(i -> i.tag.equals("e2e"))
                .forEach(i -> e2eByStart.merge(i.startMs, i.count, Long::sum));
        long busy = 0;
        for (OutcomesLine l : lines) {
            long completed = l.phase(Phase.MEASURE).completed();
            assertThat(e2eByStart.getOrDefault(l.startEpochMillis(), 0L))
                    .as("e2e samples in the interval starting at %d", l.startEpochMillis())
                    .isEqualTo(completed);
            busy += completed > 0 ? 1 : 0;
        }
        assertThat(busy).isPositive();
    }

    private record TaggedIntervalSeen(String tag, long startMs, long count) {}

    private static long lineCount(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.readString(file).chars().filter(c -> c == '\n').count();
    }
}
