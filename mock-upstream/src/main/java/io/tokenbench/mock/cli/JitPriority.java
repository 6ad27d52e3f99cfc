package io.tokenbench.mock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code --jit-nice N}: lowers the scheduling priority of this JVM's JIT compiler threads (Linux
 * {@code nice}, through util-linux's {@code renice} on their thread ids), so that a compilation
 * yields the CPU to the event loops instead of taking whole time slices from them when both share a
 * core (benchmarks/README.md, "The streaming tail"). New compiler threads are started by compiler
 * threads and inherit the value. Raising a nice value needs no privilege.
 */
final class JitPriority {

    /** Thread names (15 characters in {@code comm}) of HotSpot's C1 and C2 compiler threads. */
    private static final List<String> COMPILER_PREFIXES =
            List.of("C1 CompilerThre", "C2 CompilerThre");

    /** {@code --jit-nice}'s default: 0, the compiler threads keep the JVM's priority. */
    static final int DEFAULT_NICE = 0;

    private JitPriority() {}

    /** What {@link #lower} did, as one line for the start-up announcement. */
    record Result(int threads, int nice, String problem) {
        String announcement() {
            if (problem != null) {
                return "mock: jit compiler threads left at their priority: " + problem;
            }
            return "mock: jit compiler threads at nice " + nice + " (" + threads + " thread(s))";
        }
    }

    /** Renices this JVM's compiler threads to {@code nice} (1..19). */
    static Result lower(int nice) {
        return lower(Path.of("/proc/self/task"), nice);
    }

    static Result lower(Path tasks, int nice) {
        List<String> ids;
        try {
            ids = compilerThreadIds(tasks);
        } catch (IOException e) {
            return new Result(0, nice, "cannot list threads (" + e.getMessage() + ")");
        }
        if (ids.isEmpty()) {
            return new Result(0, nice, "no C1/C2 compiler thread found in " + tasks);
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice)));
        for (String id : ids) {
            command.add("-p");
            command.add(id);
        }
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output =
                    new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return new Result(0, nice, "renice did not finish");
            }
            if (renice.exitValue() != 0) {
                return new Result(
                        0, nice, "renice exited " + renice.exitValue() + ": " + output.strip());
            }
        } catch (IOException e) {
            return new Result(0, nice, "renice is not available (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, nice, "interrupted");
        }
        return new Result(ids.size(), nice, null);
    }

    /** The ids of the compiler threads under {@code tasks} ({@code /proc/self/task}). */
    static List<String> compilerThreadIds(Path tasks) throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path task : dirs) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    continue; // the thread ended while we listed
                }
                if (COMPILER_PREFIXES.stream().anyMatch(name::startsWith)) {
                    ids.add(task.getFileName().toString());
                }
            }
        }
        return ids;
    }
}
