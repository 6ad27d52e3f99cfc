package io.tokenbench.mock.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a mock in a child JVM on the test class path: {@code java [jvm] MockMain
 * args}.
 */
final class ChildMock {
    private ChildMock() {}

    /** {@code java -cp <test class path> MockMain args...}. */
    static ProcessBuilder command(String... args) {
        return command(List.of(), args);
    }

    /** As {@link #command(String...)} with JVM options before the main class. */
    static ProcessBuilder command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MockMain.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /**
     * Reads the child's output up to and including its {@code listening on} line; the lines before
     * it are returned. Fails the test when the output ends first (the mock did not start).
     */
    static List<String> linesUntilListening(Process mock) throws IOException {
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8));
        List<String> before = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("listening on")) {
                return before;
            }
            before.add(line);
        }
        throw new AssertionError("the mock did not start: " + before);
    }
}
