package io.tokenbench.benchmarks.cli;

import io.tokenbench.options.Commands;
import java.io.PrintStream;

/**
 * {@code ./tokenbench bench}: {@code java -cp benchmarks/target/benchmarks.jar
 * io.tokenbench.benchmarks.cli.BenchMain ARGS}. Runs {@link BenchCommand} and exits with its code.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code bench}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return Commands.run(BenchCommand.commandLine(), args, out, err);
    }
}
