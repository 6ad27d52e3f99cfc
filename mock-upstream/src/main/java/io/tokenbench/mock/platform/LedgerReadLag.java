package io.tokenbench.mock.platform;

import io.tokenbench.mock.behavior.Dist;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.KeyState;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@code ledger_read_lag} switch: settlements reach the <em>read views</em> of the ledger (the
 * usage endpoint {@code GET /api/usage/token/}, {@code GET /admin/keys}) a drawn delay after they
 * reached the ledger admission checks, as on gateways that batch usage writes or read through a
 * replica or cache. Admission is not affected (unless {@code stale_cache_ms} fills its cache from
 * this view). A read shows the live state minus the settlement deltas not yet visible; deltas of a
 * period that has since been reset are not subtracted from the new period. Thread-safe.
 */
public final class LedgerReadLag {

    private record Pending(
            Instant visibleAt,
            Instant periodStart,
            long periodDeltaMicroCredits,
            long totalDelta) {}

    private final Map<Long, Queue<Pending>> pendingByKey = new ConcurrentHashMap<>();
    // Seeded: a fault matrix row draws the same lags on every run.
    private final SplittableRandom random = new SplittableRandom(15);

    /**
     * Holds a settlement delta back from the read views for one draw of {@code lag} (nothing when
     * the lag is zero).
     *
     * @param periodStart the period the delta was charged to
     */
    public void record(
            ApiKey key,
            Dist lag,
            Instant now,
            Instant periodStart,
            long periodDeltaMicroCredits,
            long totalDeltaMicroCredits) {
        long nanos;
        synchronized (random) {
            nanos = (long) lag.sample(random);
        }
        if (nanos <= 0 || (periodDeltaMicroCredits == 0 && totalDeltaMicroCredits == 0)) {
            return;
        }
        pendingByKey
                .computeIfAbsent(key.id(), id -> new ConcurrentLinkedQueue<>())
                .add(
                        new Pending(
                                now.plus(Duration.ofNanos(nanos)),
                                periodStart,
                                periodDeltaMicroCredits,
                                totalDeltaMicroCredits));
    }

    /** The state a read view shows at {@code now}: {@code live} minus the deltas still held. */
    public KeyState visible(ApiKey key, KeyState live, Instant now) {
        Queue<Pending> pending = pendingByKey.get(key.id());
        if (pending == null) {
            return live;
        }
        long period = 0;
        long total = 0;
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!now.isBefore(p.visibleAt())) {
                it.remove();
                continue;
            }
            total += p.totalDelta();
            if (p.periodStart().equals(live.periodStart())) {
                period += p.periodDeltaMicroCredits();
            }
        }
        return period == 0 && total == 0 ? live : live.charged(-period, -total);
    }
}
