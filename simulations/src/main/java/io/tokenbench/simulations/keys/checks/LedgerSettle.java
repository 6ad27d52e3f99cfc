package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits until the ledger shows every finished request, key by key, each with its own deadline of
 * {@code --settle-timeout} (a slow key never shortens the next key's wait). On the mock: until the
 * key's {@code used_total} equals the sum of its log rows and every listed request has its row. On
 * a live gateway: until the usage endpoint shows at least what the client knows it spent (the key's
 * baseline plus usage x price, less one micro-Credit of rounding per request) and then reads the
 * same twice {@value #LIVE_POLL_MS} ms apart; two equal reads alone prove nothing on an endpoint
 * that lags. Without a known spend, two reads one second apart must agree. A key that does not
 * settle in time gets -1 (the accounting check's business, not a reason to hang).
 */
public final class LedgerSettle {
    private static final Duration POLL = Duration.ofMillis(50);
    static final long LIVE_POLL_MS = 250;
    private static final Duration LIVE_POLL = Duration.ofMillis(LIVE_POLL_MS);
    private static final Duration LIVE_POLL_UNKNOWN_SPEND = Duration.ofSeconds(1);

    private LedgerSettle() {}

    /**
     * @return per key label: milliseconds this key waited until it settled, or -1 when it did not
     *     within its timeout
     */
    public static Map<String, Long> await(VerifyContext ctx, Collection<KeyHandle> keys) {
        return await(ctx, keys, Map.of(), Map.of());
    }

    /** Like {@link #await(VerifyContext, Collection, Map, Map)} without known spends. */
    public static Map<String, Long> await(
            VerifyContext ctx,
            Collection<KeyHandle> keys,
            Map<String, Set<String>> requestIdsByKey) {
        return await(ctx, keys, requestIdsByKey, Map.of());
    }

    /**
     * @param requestIdsByKey the mock: requests (by key label) that must have their log row (a key
     *     that reserves nothing shows a ledger equal to its logs while a settlement is to come)
     * @param minUsedByKey live: the least {@code used_in_period} (by key label) the usage endpoint
     *     must show before the key counts as settled
     */
    public static Map<String, Long> await(
            VerifyContext ctx,
            Collection<KeyHandle> keys,
            Map<String, Set<String>> requestIdsByKey,
            Map<String, Long> minUsedByKey) {
        Map<String, Long> waitMs = new LinkedHashMap<>();
        for (KeyHandle k : keys) {
            long start = System.nanoTime();
            long deadline = start + ctx.settings().settleTimeout().toNanos();
            boolean ok =
                    ctx.mock()
                            ? mockSettled(
                                    ctx,
                                    k,
                                    requestIdsByKey.getOrDefault(k.label(), Set.of()),
                                    deadline)
                            : liveSettled(ctx, k, minUsedByKey.get(k.label()), deadline);
            waitMs.put(k.label(), ok ? (System.nanoTime() - start) / 1_000_000 : -1L);
        }
        return waitMs;
    }

    /** The ids of the calls the platform must have logged (answered, admitted or refused). */
    public static Set<String> loggedIds(Collection<CallResult> calls) {
        Set<String> ids = new HashSet<>();
        for (CallResult r : calls) {
            if (r.requestId() != null && (r.admitted() || r.rejected())) {
                ids.add(r.requestId());
            }
        }
        return ids;
    }

    private static boolean mockSettled(
            VerifyContext ctx, KeyHandle k, Set<String> requestIds, long deadlineNanos) {
        return Waiting.until(
                        () ->
                                mockAgrees(ctx, k, requestIds)
                                        ? Optional.of(true)
                                        : Optional.<Boolean>empty(),
                        POLL,
                        deadlineNanos)
                .isPresent();
    }

    /**
     * @param minUsed null when the client does not know what the key spent
     */
    static boolean liveSettled(VerifyContext ctx, KeyHandle k, Long minUsed, long deadlineNanos) {
        AtomicReference<Long> previous = new AtomicReference<>();
        return Waiting.until(
                        () -> {
                            long used = ctx.ledger(k).usedInPeriodMicroCredits();
                            if (minUsed != null && used < minUsed) {
                                previous.set(null);
                                return Optional.<Long>empty();
                            }
                            return Optional.of(used).filter(u -> u.equals(previous.getAndSet(u)));
                        },
                        minUsed == null ? LIVE_POLL_UNKNOWN_SPEND : LIVE_POLL,
                        deadlineNanos)
                .isPresent();
    }

    /** The key's ledger equals the sum of its log rows, and every listed request has its row. */
    private static boolean mockAgrees(VerifyContext ctx, KeyHandle k, Set<String> requestIds) {
        MockAdmin.KeyView v = ctx.admin().key(k.adminId());
        List<MockAdmin.LogRow> rows = ctx.admin().logs(k.adminId());
        long logs = rows.stream().mapToLong(MockAdmin.LogRow::microCredits).sum();
        Set<String> logged = new HashSet<>();
        rows.forEach(r -> logged.add(r.requestId()));
        return v.usedTotalMicroCredits() == logs && logged.containsAll(requestIds);
    }
}
