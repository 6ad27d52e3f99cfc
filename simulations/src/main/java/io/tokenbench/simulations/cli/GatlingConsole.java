package io.tokenbench.simulations.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;

/**
 * Keeps Gatling's own console output (its start lines, its stats block, which counts ttft and the
 * full response as two requests and includes the warm-up, and the path of a report folder we move)
 * out of the main console: while Gatling runs, {@code System.out} goes to a bounded buffer that is
 * then written next to Gatling's HTML report as {@code gatling/console.txt}. Our own lines are
 * printed to the {@code PrintStream} the command was given, which is the original stdout.
 */
final class GatlingConsole {
    static final int MAX_BYTES = 1 << 20;

    private static final ThreadLocal<String> LAST = new ThreadLocal<>();

    private GatlingConsole() {}

    /** Runs {@code gatling} with {@code System.out} captured; {@link #lastCaptured} reads it. */
    static int quiet(IntSupplier gatling) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        OutputStream bounded =
                new OutputStream() {
                    @Override
                    public synchronized void write(int b) {
                        if (buffer.size() < MAX_BYTES) {
                            buffer.write(b);
                        }
                    }

                    @Override
                    public synchronized void write(byte[] b, int off, int len) {
                        int room = MAX_BYTES - buffer.size();
                        if (room > 0) {
                            buffer.write(b, off, Math.min(room, len));
                        }
                    }
                };
        PrintStream capture = new PrintStream(bounded, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            // Scala's println writes to scala.Console.out, fixed at its first use: redirect it too
            // (threads Gatling starts inside inherit it)
            return scala.Console$.MODULE$.withOut(capture, () -> gatling.getAsInt());
        } finally {
            System.setOut(original);
            LAST.set(buffer.toString(StandardCharsets.UTF_8));
        }
    }

    /** Writes what the last {@link #quiet} call on this thread captured into {@code dir}. */
    static void keep(Path dir) {
        String text = LAST.get();
        LAST.remove();
        if (text == null || text.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("console.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep Gatling's console output in " + dir, e);
        }
    }
}
