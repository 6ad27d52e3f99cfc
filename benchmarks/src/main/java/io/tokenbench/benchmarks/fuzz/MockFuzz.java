package io.tokenbench.benchmarks.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends {@code count} malformed requests (one connection each, loopback only) plus {@code slow}
 * clients that send a request head one byte per second, and prints the status counts, the 5xx count
 * and the dropped answers (connections that ended without a byte of response). Exit 1 on any 5xx or
 * dropped answer. Usage: {@code MockFuzz <port> <count> <threads> <slow> <seed>}.
 */
public final class MockFuzz {

    private static final int READ_TIMEOUT_MILLIS = 120_000;
    private static final int WAITING_THREADS = 400;
    private final int port;
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> dropsByKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    private final LongAdder fiveXx = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    private MockFuzz(int port) {
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: MockFuzz <port> <count> <threads> <slow clients> <seed>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        long count = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        int slow = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        MockFuzz fuzz = new MockFuzz(port);
        long startNanos = System.nanoTime();
        // Connections that wait for the mock's request deadline: slow clients and truncated bodies.
        ExecutorService slowPool = Executors.newFixedThreadPool(WAITING_THREADS);
        // one timer thread paces every slow client's bytes; no thread sleeps per client
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<Void>> slowClients = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            slowClients.add(fuzz.slowClient(ticks, slowPool));
        }
        for (long index = 0; index < count; index += FuzzCases.TRUNCATED_EVERY) {
            long truncated = index;
            slowPool.execute(
                    () -> fuzz.one(FuzzCases.kind(truncated), FuzzCases.build(truncated, seed)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            pool.execute(
                    () -> {
                        long index;
                        while ((index = next.getAndIncrement()) < count) {
                            if (index % FuzzCases.TRUNCATED_EVERY != 0) {
                                fuzz.one(FuzzCases.kind(index), FuzzCases.build(index, seed));
                            }
                        }
                    });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        CompletableFuture.allOf(slowClients.toArray(CompletableFuture[]::new))
                .get(1, TimeUnit.HOURS);
        ticks.shutdown();
        slowPool.shutdown();
        slowPool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(
                "requests: %d malformed + %d slow clients in %.1f s%n", count, slow, seconds);
        System.out.println("status counts: " + new TreeMap<>(fuzz.sums(fuzz.statuses)));
        System.out.println("by kind: " + fuzz.sums(fuzz.byKind));
        System.out.println("5xx: " + fuzz.fiveXx.sum());
        System.out.println(
                "dropped answers: "
                        + fuzz.dropped.sum()
                        + (fuzz.dropped.sum() == 0
                                ? ""
                                : " by kind " + fuzz.sums(fuzz.dropsByKind)));
        System.exit(fuzz.fiveXx.sum() == 0 && fuzz.dropped.sum() == 0 ? 0 : 1);
    }

    private Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** One request on its own connection: write, half-close, read the status line. */
    private void one(String kind, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setSoLinger(true, 0); // no TIME_WAIT on the client: 100k connections fit
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The mock answered and closed while we were still writing: read the answer.
            }
            record(kind, readStatus(socket.getInputStream()));
        } catch (IOException e) {
            record(kind, null);
        }
    }

    /**
     * A request head sent one byte per second, paced by {@code ticks}: the mock must end it at its
     * request deadline. Once the head is sent or the mock closed the connection, {@code readers}
     * reads the answer; the future completes when it is recorded.
     */
    private CompletableFuture<Void> slowClient(
            ScheduledExecutorService ticks, ExecutorService readers) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        byte[] head =
                FuzzCases.ascii(
                        "POST /v1/chat/completions HTTP/1.1\r\nHost: slow\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            closeQuietly(socket);
            record("slow", null);
            done.complete(null);
            return done;
        }
        Runnable readAnswer =
                () -> {
                    try (socket) {
                        record("slow", readStatus(socket.getInputStream()));
                    } catch (IOException e) {
                        record("slow", null);
                    } finally {
                        done.complete(null);
                    }
                };
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<ScheduledFuture<?>> tick = new AtomicReference<>();
        // the first byte after one second: the task can always find its own future to cancel
        tick.set(
                ticks.scheduleAtFixedRate(
                        () -> {
                            boolean finished;
                            try {
                                OutputStream out = socket.getOutputStream();
                                out.write(head[sent.get()]);
                                out.flush();
                                finished = sent.incrementAndGet() == head.length;
                            } catch (IOException e) {
                                finished = true; // closed by the deadline: read its answer
                            }
                            if (finished) {
                                tick.get().cancel(false);
                                readers.execute(readAnswer);
                            }
                        },
                        1,
                        1,
                        TimeUnit.SECONDS));
        return done;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing was sent on it
        }
    }

    private void record(String kind, String status) {
        if (status == null) {
            dropped.increment();
            dropsByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
            return;
        }
        statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
        byKind.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
        if (status.startsWith("5")) {
            fiveXx.increment();
        }
    }

    /** The status code of the first response, or null when the connection ended without one. */
    private static String readStatus(InputStream in) {
        byte[] line = new byte[12];
        int read = 0;
        try {
            while (read < line.length) {
                int n = in.read(line, read, line.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (IOException e) {
            // a reset: whatever arrived before it counts
        }
        if (read < 12) {
            return null;
        }
        String text = new String(line, StandardCharsets.US_ASCII);
        return text.startsWith("HTTP/1.") ? text.substring(9, 12) : "garbled";
    }
}
