package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Drives one key to its limit with a closed loop of N workers, each sending the same request back
 * to back until the gateway refuses one (or fails it). Every worker stops after its own in-flight
 * call: what those calls cost beyond the limit is the overshoot. A key that never stops is given up
 * at {@code limit + (N + 4) x max single cost} ("runaway"), beyond any bound a correct gateway
 * could reach.
 *
 * <p>At concurrency 1 the ledger is read after every admitted call, so a call admitted after the
 * ledger showed remaining <= 0 is a leak by definition (key-limits.md item 2).
 */
public final class LimitDrive {
    private static final int RUNAWAY_MARGIN_REQUESTS = 4;

    private final VerifyContext ctx;

    public LimitDrive(VerifyContext ctx) {
        this.ctx = ctx;
    }

    public DriveResult run(KeyHandle key, int concurrency, ChatProbe probe) {
        return run(key, concurrency, probe, 0);
    }

    /**
     * @param baselineMicroCredits the key's period usage before the drive: with the calls so far,
     *     what a settled ledger shows
     */
    public DriveResult run(
            KeyHandle key, int concurrency, ChatProbe probe, long baselineMicroCredits) {
        long limit = key.limitMicroCredits() == null ? 0 : key.limitMicroCredits();
        // A guard for targets whose calls cost nothing (no price, no usage): the spend cap would
        // never end the drive.
        int maxUnbilledCalls = 20 * ctx.settings().limitRequests() + 4 * concurrency + 100;
        State s = new State();
        long start = System.nanoTime();
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        concurrency,
                        r -> {
                            Thread t = new Thread(r, "keys-verify-drive");
                            t.setDaemon(true);
                            return t;
                        });
        CountDownLatch go = new CountDownLatch(1);
        for (int w = 0; w < concurrency; w++) {
            pool.execute(
                    () -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        try {
                            while (!s.stopped() && s.reserveCall(maxUnbilledCalls)) {
                                CallResult r = ctx.gateway().call(probe, key.secret());
                                long cost =
                                        r.admitted() && r.hasUsage()
                                                ? ctx.price()
                                                        .costMicroCredits(
                                                                r.promptTokens(),
                                                                r.completionTokens())
                                                : 0;
                                VerifyContext.LedgerView view =
                                        concurrency == 1 && (r.admitted() || r.rejected())
                                                ? ctx.ledger(key)
                                                : null;
                                if (view != null
                                        && view.exhausted()
                                        && s.clientSeesNoRoom(
                                                r, cost, limit - baselineMicroCredits)) {
                                    // Judged as the ledger settles: a lagging read view may
                                    // still show a reservation not yet released, or miss spend.
                                    // Re-read until it agrees with the client's usage x price
                                    // (or the key's deadline), then judge.
                                    view =
                                            LedgerSettle.settledView(
                                                    ctx, key, baselineMicroCredits, s.callsWith(r));
                                } else if (view != null && view.exhausted() && r.admitted()) {
                                    // The requests so far cannot have used the limit: the view
                                    // shows reservations not yet released. Not "exhausted".
                                    view = null;
                                }
                                s.record(r, cost, view, limit, concurrency);
                            }
                        } catch (RuntimeException e) {
                            s.fail(e);
                        }
                    });
        }
        go.countDown();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (s.failure() != null) {
            throw new IllegalStateException(
                    "driving " + key.label() + " failed: " + s.failure().getMessage(), s.failure());
        }
        return s.result(start);
    }

    /**
     * Shared by the workers; every method synchronized (calls take milliseconds, contention is
     * negligible).
     */
    private static final class State {
        private final List<CallResult> calls = new ArrayList<>();
        private boolean stop;
        private int started;
        private long spent;
        private long maxCost;
        private boolean runaway;
        private Long exhaustedAt;
        private int leaks;
        private CallResult firstRejection;
        private VerifyContext.LedgerView afterRejection;

        private RuntimeException failure;

        synchronized void fail(RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
            stop = true;
        }

        /**
         * With {@code r} (cost {@code cost}) the admitted calls' usage x price leaves at most one
         * micro-Credit of rounding per call of {@code roomMicroCredits}: the key may really be
         * exhausted.
         */
        synchronized boolean clientSeesNoRoom(CallResult r, long cost, long roomMicroCredits) {
            long priced = calls.stream().filter(c -> c.admitted() && c.hasUsage()).count();
            long spentWith = spent + (r.admitted() ? cost : 0);
            return roomMicroCredits - spentWith <= priced + 1;
        }

        /** The calls so far and {@code r} (concurrency 1: no other call is in flight). */
        synchronized List<CallResult> callsWith(CallResult r) {
            List<CallResult> all = new ArrayList<>(calls);
            all.add(r);
            return all;
        }

        synchronized RuntimeException failure() {
            return failure;
        }

        synchronized boolean stopped() {
            return stop;
        }

        synchronized boolean reserveCall(int maxUnbilledCalls) {
            if (started >= maxUnbilledCalls && spent == 0) {
                stop = true;
                runaway = true;
                return false;
            }
            started++;
            return true;
        }

        synchronized void record(
                CallResult r,
                long cost,
                VerifyContext.LedgerView view,
                long limit,
                int concurrency) {
            calls.add(r);
            if (r.admitted()) {
                spent += cost;
                maxCost = Math.max(maxCost, cost);
                if (exhaustedAt != null && r.sentNanos() > exhaustedAt) {
                    leaks++;
                }
                if (view != null && view.exhausted() && exhaustedAt == null) {
                    exhaustedAt = view.readAtNanos();
                }
                if (maxCost > 0
                        && spent
                                >= limit
                                        + (long) (concurrency + RUNAWAY_MARGIN_REQUESTS)
                                                * maxCost) {
                    runaway = true;
                    stop = true;
                }
                return;
            }
            if (r.rejected() && firstRejection == null) {
                firstRejection = r;
                afterRejection = view;
            }
            stop = true;
        }

        synchronized DriveResult result(long start) {
            return new DriveResult(
                    calls,
                    spent,
                    maxCost,
                    runaway,
                    exhaustedAt,
                    leaks,
                    firstRejection,
                    afterRejection,
                    start);
        }
    }
}
