package io.tokenbench.mock.stats;

import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.gate.Settlement;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters shown by {@code GET /admin/stats}: requests received, refused before admission (bad
 * input, unknown model), rejected by the gate, admitted, settled by how they ended, faults
 * injected; back-pressure pauses and requests not received within the request deadline; gauges of
 * requests in flight and open streams. Thread-safe; writers never block.
 */
public final class ServerStats {

    private final LongAdder received = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder admitted = new LongAdder();
    private final Map<Settlement.End, LongAdder> settled = new EnumMap<>(Settlement.End.class);
    private final Map<Fault, LongAdder> faults = new EnumMap<>(Fault.class);
    private final LongAdder backPressurePauses = new LongAdder();
    private final LongAdder requestDeadlinesExceeded = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger openStreams = new AtomicInteger();
    private final AtomicInteger activeExchanges = new AtomicInteger();

    private volatile String transport = "none";

    /** Armed by {@link #whenIdle()}; completed when nothing is in flight or being answered. */
    private volatile CompletableFuture<Void> idle;

    public ServerStats() {
        for (Settlement.End end : Settlement.End.values()) {
            settled.put(end, new LongAdder());
        }
        for (Fault fault : Fault.values()) {
            faults.put(fault, new LongAdder());
        }
    }

    /**
     * Records the Netty transport serving (io_uring, epoll, nio), shown by {@code /admin/stats}.
     */
    public void transportInUse(String name) {
        this.transport = name;
    }

    public String transport() {
        return transport;
    }

    public void received() {
        received.increment();
    }

    /** A request answered with an error before reaching the gate. */
    public void refused() {
        refused.increment();
    }

    public void rejected() {
        rejected.increment();
    }

    /** Admitted: counts it and adds it to the requests in flight. */
    public void admitted() {
        admitted.increment();
        inFlight.incrementAndGet();
    }

    /** Settled: counts how it ended and removes it from the requests in flight. */
    public void settled(Settlement.End end) {
        settled.get(end).increment();
        inFlight.decrementAndGet();
        signalIfIdle();
    }

    public void faultInjected(Fault fault) {
        faults.get(fault).increment();
    }

    /** A stream found its channel unwritable and paused until the client reads. */
    public void backPressurePause() {
        backPressurePauses.increment();
    }

    public long backPressurePauseCount() {
        return backPressurePauses.sum();
    }

    /** A client did not deliver a whole request (head and body) within the request deadline. */
    public void requestDeadlineExceeded() {
        requestDeadlinesExceeded.increment();
    }

    public long requestDeadlineExceededCount() {
        return requestDeadlinesExceeded.sum();
    }

    /** A request is being answered (from routing until its response is fully written). */
    public void exchangeStarted() {
        activeExchanges.incrementAndGet();
    }

    public void exchangeEnded() {
        activeExchanges.decrementAndGet();
        signalIfIdle();
    }

    /**
     * Completes once no request is in flight and none is being answered (at once when that is
     * already so). For shutdown: the caller waits on it with its grace instead of polling.
     */
    public CompletableFuture<Void> whenIdle() {
        CompletableFuture<Void> armed = new CompletableFuture<>();
        idle = armed;
        signalIfIdle();
        return armed;
    }

    private void signalIfIdle() {
        CompletableFuture<Void> armed = idle;
        if (armed != null && inFlight.get() == 0 && activeExchanges.get() == 0) {
            armed.complete(null);
        }
    }

    /** Requests being answered right now, admitted or not. */
    public int activeExchanges() {
        return activeExchanges.get();
    }

    public void streamOpened() {
        openStreams.incrementAndGet();
    }

    public void streamClosed() {
        openStreams.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int openStreams() {
        return openStreams.get();
    }

    public long receivedCount() {
        return received.sum();
    }

    public long refusedCount() {
        return refused.sum();
    }

    public long rejectedCount() {
        return rejected.sum();
    }

    public long admittedCount() {
        return admitted.sum();
    }

    public long settledCount(Settlement.End end) {
        return settled.get(end).sum();
    }

    public long faultCount(Fault fault) {
        return faults.get(fault).sum();
    }

    /** Zeroes the counters (not the gauges). */
    public void reset() {
        received.reset();
        refused.reset();
        rejected.reset();
        admitted.reset();
        settled.values().forEach(LongAdder::reset);
        faults.values().forEach(LongAdder::reset);
        backPressurePauses.reset();
        requestDeadlinesExceeded.reset();
    }
}
