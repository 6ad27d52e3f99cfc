package io.tokenbench.reports.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

/**
 * Writes {@code requests.jsonl.gz} off the measuring path: callers {@link #offer} a record into a
 * bounded queue (never blocking, never doing I/O); one daemon thread ({@code
 * tokenbench-request-log}) drains it, writes one JSON line per record ({@link RequestRecordJson})
 * and sync-flushes the gzip stream at least every {@link #FLUSH_EVERY_MILLIS} ms, so a killed run
 * leaves a readable prefix. A full queue drops the record and counts it ({@link #dropped()}); the
 * report flags a run with drops ({@code request_log_dropped}) rather than reconcile silently wrong
 * numbers.
 */
public final class RequestLog implements AutoCloseable {

    public static final String FILE = "requests.jsonl.gz";
    public static final int DEFAULT_CAPACITY = 1 << 16;
    static final long FLUSH_EVERY_MILLIS = 250;
    private static final int BATCH = 1024;

    /** What was written and what was dropped. */
    public record Stats(long written, long dropped) {}

    private final ArrayBlockingQueue<RequestRecord> queue;
    private final LongAdder dropped = new LongAdder();
    private final BufferedWriter out;
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
            OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16, true);
            out = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8), 1 << 16);
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
                RequestRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    for (RequestRecord r : batch) {
                        out.write(RequestRecordJson.toJson(r));
                        out.write('\n');
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
                    out.flush(); // sync flush of the gzip stream: readable up to here
                    lastFlush = now;
                    dirty = false;
                }
                if (closing && queue.isEmpty()) {
                    return;
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
