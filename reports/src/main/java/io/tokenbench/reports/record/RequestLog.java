package io.tokenbench.reports.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@code requests.jsonl.gz} off the measuring path: callers {@link #offer} a record into a
 * bounded queue (never blocking, never doing I/O, never waking the writer); one daemon thread
 * ({@code tokenbench-request-log}) drains it every 10 ms, writes one JSON line per record ({@link
 * RequestRecordJson}, straight to UTF-8 bytes) and sync-flushes the gzip stream at least every
 * {@link #FLUSH_EVERY_MILLIS} ms, so a killed run leaves a readable prefix. The gzip stream is
 * deflated at {@link Deflater#BEST_SPEED}: the writer shares the cores with the measuring threads,
 * and the default level took about three times its CPU (2.1 against 0.7 us per line) for a file a
 * fifth smaller. A full queue drops the record and counts it ({@link #dropped()}); the report flags
 * a run with drops ({@code request_log_dropped}) rather than reconcile silently wrong numbers.
 */
public final class RequestLog implements AutoCloseable {

    public static final String FILE = "requests.jsonl.gz";
    public static final int DEFAULT_CAPACITY = 1 << 16;
    static final long FLUSH_EVERY_MILLIS = 250;
    private static final int BATCH = 1024;
    private static final int BUFFER_BYTES = 1 << 16;

    /** How long the writer sleeps when it found fewer than a batch of records. */
    private static final long DRAIN_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** What was written and what was dropped. */
    public record Stats(long written, long dropped) {}

    private final ArrayBlockingQueue<RequestRecord> queue;
    private final LongAdder dropped = new LongAdder();
    private final OutputStream out;
    private final JsonLineBytes lines = new JsonLineBytes(BUFFER_BYTES + 1024);
    private String injector;
    private byte[] quotedInjector;
    private final Thread writer;
    private volatile boolean closing;
    private volatile long written;
    private volatile IOException failure;

    private RequestLog(Path file, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        queue = new ArrayBlockingQueue<>(capacity);
        try {
            out = new FastGzip(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        writer = new Thread(this::drainLoop, "tokenbench-request-log");
        writer.setDaemon(true);
    }

    /** Creates {@code file} and starts the writer thread. */
    public static RequestLog open(Path file, int capacity) {
        RequestLog log = new RequestLog(file, capacity);
        log.writer.start();
        return log;
    }

    /**
     * Queues one record; returns false (and counts a drop) when the queue is full or the log is
     * closing. Never blocks. Thread-safe.
     */
    public boolean offer(RequestRecord r) {
        if (closing || !queue.offer(r)) {
            dropped.increment();
            return false;
        }
        return true;
    }

    public long dropped() {
        return dropped.sum();
    }

    public long written() {
        return written;
    }

    private void drainLoop() {
        List<RequestRecord> batch = new ArrayList<>(BATCH);
        long lastFlush = System.nanoTime();
        boolean dirty = false;
        try {
            while (true) {
                int drained = queue.drainTo(batch, BATCH);
                if (drained > 0) {
                    for (RequestRecord r : batch) {
                        RequestRecordJson.write(r, quotedInjector(r.injector()), lines);
                        lines.append('\n');
                        if (lines.size() >= BUFFER_BYTES) {
                            writeLines();
                        }
                    }
                    written += batch.size();
                    batch.clear();
                    dirty = true;
                }
                long now = System.nanoTime();
                if (dirty
                        && (closing
                                || now - lastFlush
                                        >= TimeUnit.MILLISECONDS.toNanos(FLUSH_EVERY_MILLIS))) {
                    writeLines();
                    out.flush(); // sync flush of the gzip stream: readable up to here
                    lastFlush = now;
                    dirty = false;
                }
                if (closing && queue.isEmpty()) {
                    return;
                }
                if (drained < BATCH && !closing) {
                    // polled, not woken per record: a blocking poll had every offer unpark
                    // this thread (a futex wake on the measuring threads, per request)
                    LockSupport.parkNanos(DRAIN_EVERY_NANOS);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** The injector as a JSON string, quoted once (one injector per recorder). */
    private byte[] quotedInjector(String name) {
        if (!name.equals(injector)) {
            quotedInjector = RequestRecordJson.quotedUtf8(name);
            injector = name;
        }
        return quotedInjector;
    }

    private void writeLines() throws IOException {
        out.write(lines.array(), 0, lines.size());
        lines.clear();
    }

    /** gzip at {@link Deflater#BEST_SPEED}, with sync flush. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream file) throws IOException {
            super(file, BUFFER_BYTES, true);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /**
     * Stops accepting records, writes every queued one, finishes the gzip stream. Idempotent.
     *
     * @throws UncheckedIOException when writing failed
     */
    @Override
    public void close() {
        stats();
    }

    /** Closes (see {@link #close()}) and returns what was written and dropped. */
    public synchronized Stats stats() {
        if (!closing) {
            closing = true;
            LockSupport.unpark(writer);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                out.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot write " + FILE, failure);
        }
        return new Stats(written, dropped.sum());
    }
}
