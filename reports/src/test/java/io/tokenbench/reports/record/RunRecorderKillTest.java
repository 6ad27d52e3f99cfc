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
        // the hlog is flushed before the outcomes line of the same interval: every interval whose
        // outcomes line
        // counts requests has its e2e histogram (intervals in which a starved child recorded
        // nothing have neither;
        // a request's counters may land in the interval after its histogram, hence "more than one")
        java.util.Set<Long> e2eStarts = new java.util.HashSet<>();
        intervals.stream().filter(i -> i.tag.equals("e2e")).forEach(i -> e2eStarts.add(i.startMs));
        List<Long> busyStarts =
                lines.stream()
                        .filter(l -> l.phase(Phase.MEASURE).completed() > 1)
                        .map(OutcomesLine::startEpochMillis)
                        .toList();
        assertThat(busyStarts).isNotEmpty();
        assertThat(e2eStarts).containsAll(busyStarts);
        assertThat(
                        intervals.stream()
                                .filter(i -> i.tag.equals("e2e"))
                                .mapToLong(i -> i.count)
                                .sum())
                .isPositive();
    }

    private record TaggedIntervalSeen(String tag, long startMs, long count) {}

    private static long lineCount(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.readString(file).chars().filter(c -> c == '\n').count();
    }
}
