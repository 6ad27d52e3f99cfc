package io.tokenbench.mock.cli;

import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.options.Commands;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code java -jar mock-upstream.jar [options]} ({@code ./tokenbench mock}): parse with {@link
 * MockCommand}, start, print where it listens, and shut down gracefully on SIGTERM. Exit 2 for a
 * bad option (the message names it), 1 when the port cannot be bound.
 */
public final class MockMain {

    private MockMain() {}

    /** How a launch ended: an exit code, and the running mock when it started. */
    public record Launch(int exitCode, Optional<MockUpstream> mock) {}

    public static void main(String[] args) {
        MockCommand command = new MockCommand();
        Launch launch = launch(command, args, System.out, System.err);
        if (launch.exitCode() != 0) {
            System.exit(launch.exitCode());
        }
        if (command.exitWithParent()) {
            ParentWatch.start(
                    () -> {
                        System.err.println("mock: the parent process is gone; exiting");
                        System.exit(0); // the shutdown hook stops the server
                    });
        }
        // Otherwise the mock's event loop threads keep the JVM alive until SIGTERM.
    }

    /**
     * Parses {@code args} and starts the mock, printing to {@code out} and {@code err}; for tests
     * and for code that runs the mock in its own JVM. The caller closes the returned mock.
     */
    public static Launch launch(String[] args, PrintStream out, PrintStream err) {
        return launch(new MockCommand(), args, out, err);
    }

    private static Launch launch(
            MockCommand command, String[] args, PrintStream out, PrintStream err) {
        CommandLine line = commandLine(command);
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exitCode = line.execute(args);
        return new Launch(exitCode, command.mock());
    }

    /**
     * The command line of {@code ./tokenbench mock}: the shared strict setup of {@link
     * Commands#create}, help that writes {@code --option VALUE} (both {@code --option VALUE} and
     * {@code --option=VALUE} parse).
     */
    static CommandLine commandLine(MockCommand command) {
        CommandLine line = Commands.create(command, "mock");
        line.setHelpFactory(SpacedOptionHelp::new);
        return line;
    }
}
