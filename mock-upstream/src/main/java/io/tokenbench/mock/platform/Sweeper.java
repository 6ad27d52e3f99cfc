package io.tokenbench.mock.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background half of resets and persistence: every {@code interval} it applies due resets and
 * deferred postings to all keys and, with a state file, saves the state. Runs on its own daemon
 * thread, never on an event loop. Start once; stop saves one last time.
 */
public final class Sweeper implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.tokenbench.mock.keys");

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final PlatformState platform;
    private final StateFile stateFile;
    private ScheduledExecutorService executor;

    /**
     * @param stateFile where to save, or {@code null} for in-memory state
     */
    public Sweeper(PlatformState platform, StateFile stateFile) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.stateFile = stateFile;
    }

    public synchronized void start(Duration interval) {
        if (executor != null) {
            throw new IllegalStateException("sweeper already started");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be > 0: " + interval);
        }
        executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "keys-sweeper");
                            t.setDaemon(true);
                            return t;
                        });
        long millis = interval.toMillis();
        // Fixed rate, not fixed delay: a save that takes long under load must not push every later
        // save back (a fixed delay made the file up to interval + save time + scheduling late).
        executor.scheduleAtFixedRate(this::sweepOnceQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One sweep: resets, deferred postings, and a save when something changed. */
    public void sweepOnce() throws IOException {
        platform.sweep();
        if (stateFile != null) {
            stateFile.saveIfChanged(platform);
        }
    }

    private void sweepOnceQuietly() {
        try {
            sweepOnce();
        } catch (IOException | RuntimeException e) {
            // Keep sweeping: one failed save must not stop resets. The message holds no secrets.
            LOG.log(System.Logger.Level.ERROR, "keys-sweeper: sweep or save failed", e);
        }
    }

    /** Stops the thread and saves the final state. */
    public synchronized void stop() throws IOException {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
        if (stateFile != null) {
            stateFile.save(platform);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
