package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.model.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a running {@code ./tokenbench run} (a child JVM with the embedded mock as its
 * own child): the mock exits by itself (its parent-death watch; no shutdown hook ran), and the run
 * folder reports as {@code incomplete} over the window actually recorded, never as a pass.
 */
class KilledRunTest {

    @Test
    void aSigkilledRunLeavesNoMockBehindAndAnIncompleteReport(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("runs");
        Path jar =
                Path.of(
                        System.getProperty(
                                "tokenbench.mockJar", "../mock-upstream/target/mock-upstream.jar"));
        assertThat(jar).as("the mock jar (mvn -pl mock-upstream package)").exists();
        Path log = tmp.resolve("harness.log");
        Process harness = start(out, jar, log);
        try {
            Path runDir = awaitRecording(out, harness, log);
            ProcessHandle mock =
                    harness.descendants()
                            .filter(
                                    p ->
                                            p.info()
                                                    .commandLine()
                                                    .orElse("")
                                                    .contains("mock-upstream"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no mock child process"));
            assertThat(mock.isAlive()).isTrue();

            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(harness.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(harness.exitValue()).isEqualTo(137);
            // a generous limit only so that a mock that never exits fails instead of hanging
            mock.onExit().get(2, TimeUnit.MINUTES);
            assertThat(mock.isAlive()).isFalse();

            ReportWriter.Written w = ReportWriter.writeAll(runDir);
            RunSummary s = w.summary();
            assertThat(s.validity()).anyMatch(f -> f.code().equals("incomplete"));
            assertThat(s.header().measuredSeconds()).isGreaterThan(0).isLessThan(60.0);
            assertThat(w.verdict().exitCode()).isEqualTo(1);
            assertThat(w.headlineText()).contains("INVALID");
        } finally {
            harness.destroyForcibly();
        }
    }

    /** Waits until the run folder exists and has recorded two intervals. */
    private static Path awaitRecording(Path out, Process harness, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3); // hang guard only
        while (System.nanoTime() < deadline) {
            assertThat(harness.isAlive()).as(() -> read(log)).isTrue();
            Optional<Path> dir = runDir(out);
            if (dir.isPresent()) {
                Path outcomes = dir.get().resolve("outcomes.jsonl");
                if (Files.exists(outcomes) && Files.readAllLines(outcomes).size() >= 2) {
                    return dir.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not record two intervals: " + read(log));
    }

    private static Optional<Path> runDir(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith("-streaming")).findFirst();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static Process start(Path out, Path mockJar, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command =
                List.of(
                        java.toString(),
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "-Xmx256m",
                        "-Dtokenbench.mockJar=" + mockJar,
                        "-cp",
                        System.getProperty("java.class.path"),
                        TokenbenchRun.class.getName(),
                        "run",
                        "--rate",
                        "5",
                        "--duration",
                        "60s",
                        "--warmup",
                        "1s",
                        "--out",
                        out.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.environment().remove("JOB_COMPLETION_INDEX");
        pb.environment().remove("TOKENBENCH_INJECTOR_COUNT");
        return pb.start();
    }
}
