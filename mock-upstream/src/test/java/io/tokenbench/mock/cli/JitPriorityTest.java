package io.tokenbench.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jit-nice}: a mock started with it runs its C1/C2 compiler threads at that nice value and
 * its event loops unchanged, and says so; a value outside 0..19 exits 2 naming the option.
 */
class JitPriorityTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void theCompilerThreadsRunAtTheGivenNiceAndTheEventLoopsDoNot() throws Exception {
        Process mock =
                ChildMock.command(
                                "--host",
                                "127.0.0.1",
                                "--port",
                                "0",
                                "--io-threads",
                                "2",
                                "--jit-nice",
                                "17")
                        .redirectErrorStream(true)
                        .start();
        try {
            List<String> lines = ChildMock.linesUntilListening(mock);
            assertThat(lines)
                    .anyMatch(
                            l ->
                                    l.matches(
                                            "mock: jit compiler threads at nice 17 \\(\\d+ thread\\(s\\)\\)"));
            Map<String, List<Integer>> niceByName = niceByThreadName(mock.pid());
            List<Integer> compilers = new ArrayList<>();
            niceByName.forEach(
                    (name, nices) -> {
                        if (name.startsWith("C1 CompilerThre")
                                || name.startsWith("C2 CompilerThre")) {
                            compilers.addAll(nices);
                        }
                    });
            assertThat(compilers).isNotEmpty().containsOnly(17);
            List<Integer> loops = new ArrayList<>();
            niceByName.forEach(
                    (name, nices) -> {
                        if (name.startsWith("multiThreadIoEv")) { // Netty's default thread names
                            loops.addAll(nices);
                        }
                    });
            assertThat(loops)
                    .as("event loop threads: %s", niceByName.keySet())
                    .isNotEmpty()
                    .containsOnly(0);
        } finally {
            mock.destroy();
            mock.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNiceOutsideItsRangeExitsTwoNamingTheOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MockMain.Launch launch =
                MockMain.launch(
                        new String[] {"--port", "0", "--jit-nice", "20"},
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(launch.exitCode()).isEqualTo(2);
        assertThat(launch.mock()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--jit-nice").contains("20");
    }

    @Test
    void onlyCompilerThreadsAreSelected(@TempDir Path tasks) throws Exception {
        task(tasks, "101", "java");
        task(tasks, "102", "C2 CompilerThre");
        task(tasks, "103", "C1 CompilerThre");
        task(tasks, "104", "multiThreadIoEv");
        task(tasks, "105", "Sweeper thread");
        assertThat(JitPriority.compilerThreadIds(tasks)).containsExactlyInAnyOrder("102", "103");
    }

    @Test
    void aFailedReniceIsReportedNotHidden(@TempDir Path tasks) throws Exception {
        task(tasks, "2147483646", "C2 CompilerThre"); // no such thread
        JitPriority.Result result = JitPriority.lower(tasks, 19);
        assertThat(result.threads()).isZero();
        assertThat(result.announcement())
                .startsWith("mock: jit compiler threads left at their priority: ");
    }

    private static void task(Path tasks, String id, String comm) throws Exception {
        Path dir = Files.createDirectories(tasks.resolve(id));
        Files.writeString(dir.resolve("comm"), comm + "\n");
    }

    /** Thread name to the nice values of the threads with that name, from /proc/PID/task. */
    private static Map<String, List<Integer>> niceByThreadName(long pid) throws Exception {
        Map<String, List<Integer>> out = new HashMap<>();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : dirs) {
                String name = Files.readString(task.resolve("comm")).strip();
                String stat = Files.readString(task.resolve("stat"));
                // fields after the parenthesised name: state is field 3, nice is field 19 (proc(5))
                String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(Integer.parseInt(rest[19 - 3]));
            }
        }
        return out;
    }
}
