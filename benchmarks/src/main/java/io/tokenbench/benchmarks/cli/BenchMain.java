package io.tokenbench.benchmarks.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import picocli.CommandLine;

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
        CommandLine line = BenchCommand.commandLine();
        line.setOut(writer(out));
        line.setErr(writer(err));
        int exit = line.execute(args);
        line.getOut().flush();
        line.getErr().flush();
        return exit;
    }

    /** A writer onto {@code stream} that keeps the stream's own encoding. */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(
                new Writer() {
                    @Override
                    public void write(char[] chars, int offset, int length) {
                        stream.append(CharBuffer.wrap(chars, offset, length));
                    }

                    @Override
                    public void flush() {
                        stream.flush();
                    }

                    @Override
                    public void close() {
                        stream.flush();
                    }
                },
                true);
    }
}
