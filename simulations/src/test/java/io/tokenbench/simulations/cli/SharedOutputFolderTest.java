package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Injectors sharing one output folder (the Kubernetes results volume): their temporary files and
 * folders must not collide, also when every injector's JVM has the same process id (PID 1 in a
 * container).
 */
class SharedOutputFolderTest {

    @Test
    void scratchNamesAreUniqueWithinOneProcess(@TempDir Path out) throws IOException {
        // one process standing for two containers' PID-1 JVMs: same pid, so the names must differ
        Path gatlingA = RunScratch.gatlingResults(out);
        Path gatlingB = RunScratch.gatlingResults(out);
        Path logA = RunScratch.mockLog(out);
        Path logB = RunScratch.mockLog(out);

        assertThat(List.of(gatlingA, gatlingB, logA, logB)).doesNotHaveDuplicates();
        assertThat(gatlingA).isDirectory().hasParent(out);
        assertThat(gatlingB).isDirectory().hasParent(out);
        assertThat(logA).isRegularFile().hasParent(out);
        assertThat(logB).isRegularFile().hasParent(out);
        assertThat(gatlingA.getFileName().toString()).startsWith(".gatling-");
        assertThat(logA.getFileName().toString()).startsWith(".mock-").endsWith(".log");
    }

    @Test
    void emptyScratchFolderIsDeletedAndAFullOneKept(@TempDir Path out) throws IOException {
        Path empty = RunScratch.gatlingResults(out);
        Path full = RunScratch.gatlingResults(out);
        Files.writeString(full.resolve("left-over"), "x");

        RunScratch.deleteIfEmpty(empty);
        RunScratch.deleteIfEmpty(full);

        assertThat(empty).doesNotExist();
        assertThat(full.resolve("left-over")).exists();
    }

    @Test
    void twoInjectorsWritingIntoOneFolderAtOnceBothFinish(@TempDir Path tmp) throws Exception {
        Path jar = MockArgs.jar();
        assumeTrue(Files.isReadable(jar), "mock jar not built: " + jar);
        Path out = tmp.resolve("results");
        List<Process> injectors = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            injectors.add(startInjector(i, 2, out, jar, tmp.resolve("injector-" + i + ".log")));
        }
        for (int i = 0; i < injectors.size(); i++) {
            Process p = injectors.get(i);
            // a generous limit only so that a hung child cannot hang the build
            boolean ended = p.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                p.destroyForcibly();
            }
            String console = Files.readString(tmp.resolve("injector-" + i + ".log"));
            assertThat(ended).as(console).isTrue();
            assertThat(p.exitValue()).as(console).isZero();
            assertThat(console).contains("run folder: " + out);
        }

        List<String> names;
        try (Stream<Path> entries = Files.list(out)) {
            // by the part after the UTC stamp: the injectors may start in different seconds
            names =
                    entries.map(p -> p.getFileName().toString())
                            .sorted(
                                    java.util.Comparator.comparing(
                                            (String n) -> n.substring(n.indexOf('-'))))
                            .toList();
        }
        // exactly the two run folders: no temporary folder or mock log left behind
        assertThat(names).hasSize(2);
        // the stamps may differ by a second on a busy machine, so the order is not the index order
        assertThat(names)
                .anySatisfy(n -> assertThat(n).endsWith("-streaming-i0of2"))
                .anySatisfy(n -> assertThat(n).endsWith("-streaming-i1of2"));
        for (String name : names) {
            Path runDir = out.resolve(name);
            assertThat(runDir.resolve("gatling").resolve("index.html")).as(name).exists();
            assertThat(runDir.resolve("summary.json")).as(name).exists();
            assertThat(Files.readString(runDir.resolve("mock.log")))
                    .as(name)
                    .contains("listening on");
        }
    }

    /** One injector JVM, like one container of the Indexed Job, against its own embedded mock. */
    private static Process startInjector(int index, int count, Path out, Path mockJar, Path log)
            throws IOException {
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
                        "6",
                        "--duration",
                        "3s",
                        "--warmup",
                        "1s",
                        "--grace",
                        "3s",
                        "--seed",
                        "5",
                        // the exit code is the run's verdict: not the dispatch lag of a busy
                        // machine
                        "--lag-budget",
                        "10s",
                        "--injector-index",
                        Integer.toString(index),
                        "--injector-count",
                        Integer.toString(count),
                        "--out",
                        out.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.environment().remove("JOB_COMPLETION_INDEX");
        pb.environment().remove("TOKENBENCH_INJECTOR_COUNT");
        return pb.start();
    }
}
