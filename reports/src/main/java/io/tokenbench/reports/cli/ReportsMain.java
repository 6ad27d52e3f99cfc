package io.tokenbench.reports.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import picocli.CommandLine;

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
        CommandLine line = ReportsCommands.commandLine();
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
