package io.tokenbench.simulations.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock upstream as a separate process ({@code java -jar mock-upstream.jar --port 0 ...}), so
 * its CPU time and GC are not the harness's. Ready when it prints {@code listening on
 * http://HOST:PORT}; its output goes to {@code mock.log} with the printed key and admin token
 * redacted. {@link #close()} sends SIGTERM, then kills after 5 s.
 */
public final class MockProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^\\s]+)");
    private static final long READY_TIMEOUT_SECONDS = 60;

    /**
     * The mock prints its key and admin token at start; mock.log lands in the run folder, so they
     * are cut.
     */
    private static final Pattern SECRET_LINE =
            Pattern.compile("(?i)((?:api key|admin token)s?:).*");

    private final Process process;
    private final URI baseUrl;

    private MockProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts {@code jar} with {@code --port 0} plus {@code mockArgs}; output after the ready line
     * goes to {@code log}.
     */
    public static MockProcess start(Path jar, List<String> mockArgs, Path log) {
        if (!Files.isReadable(jar)) {
            throw new IllegalStateException(
                    "mock jar not found: " + jar + " (build it: mvn -pl mock-upstream package)");
        }
        List<String> command =
                new ArrayList<>(
                        List.of(
                                javaBinary(),
                                "-jar",
                                jar.toString(),
                                "--port",
                                "0",
                                // the mock exits when this JVM dies, even by SIGKILL: its stdin is
                                // a
                                // pipe this process holds (ProcessBuilder's default)
                                "--exit-with-parent"));
        command.addAll(mockArgs);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the mock: " + command, e);
        }
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(p, ready, log), "tokenbench-mock-output");
        pump.setDaemon(true);
        pump.start();
        // Ctrl-C or SIGTERM of the harness must not leave the mock behind.
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "tokenbench-mock-stop"));
        try {
            return new MockProcess(p, ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while starting the mock");
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new IllegalStateException(
                    "the mock did not print its listening line within "
                            + READY_TIMEOUT_SECONDS
                            + " s ("
                            + (e.getCause() == null ? e : e.getCause().getMessage())
                            + "); see "
                            + log);
        }
    }

    private static void pump(Process p, CompletableFuture<URI> ready, Path log) {
        try (BufferedReader r =
                        new BufferedReader(
                                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                out.write(SECRET_LINE.matcher(line).replaceAll("$1 [redacted]"));
                out.newLine();
                out.flush();
                Matcher m = LISTENING.matcher(line);
                if (!ready.isDone() && m.find()) {
                    ready.complete(URI.create(m.group(1)));
                }
            }
            ready.completeExceptionally(
                    new IllegalStateException("the mock exited with " + p.waitFor()));
        } catch (IOException | InterruptedException e) {
            ready.completeExceptionally(e);
        }
    }

    /** {@code http://HOST:PORT} (no {@code /v1}). */
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
