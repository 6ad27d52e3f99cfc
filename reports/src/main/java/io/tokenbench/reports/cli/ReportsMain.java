package io.tokenbench.reports.cli;

import io.tokenbench.options.Commands;
import java.io.PrintStream;

/**
 * {@code java -jar reports.jar report|merge|compare|gate ...} ({@code ./tokenbench report ...}):
 * runs {@link ReportsCommands} and exits with its code.
 */
public final class ReportsMain {

    private ReportsMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Commands.run(ReportsCommands.commandLine(), args, out, err);
    }
}
