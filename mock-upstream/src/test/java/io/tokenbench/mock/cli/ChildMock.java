package io.tokenbench.mock.cli;

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
}
