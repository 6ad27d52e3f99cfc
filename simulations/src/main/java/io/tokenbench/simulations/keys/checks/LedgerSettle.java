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
 * Waits until the ledger shows every finished request: on the mock until each key's {@code
 * used_total} equals the sum of its log rows (requests still settling, postings held back); on a
 * live gateway until the usage endpoint reads the same twice, one second apart. Gives up after the
 * settle timeout (a ledger that never agrees is the accounting check's business, not a reason to
 * hang).
 */
public final class LedgerSettle {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration LIVE_POLL = Duration.ofSeconds(1);

    private LedgerSettle() {}

    /**
     * @return per key label: milliseconds until it agreed, or -1 when it did not within the timeout
     */
    public static Map<String, Long> await(VerifyContext ctx, Collection<KeyHandle> keys) {
        return await(ctx, keys, Map.of());
    }

    /**
     * Like {@link #await(VerifyContext, Collection)}, and on the mock also until every listed
     * request (by key label) has its log row: a key that reserves nothing (unlimited, trust bypass,
     * fail open) shows a ledger equal to its logs while a stream's settlement is still to come.
     */
    public static Map<String, Long> await(
            VerifyContext ctx,
            Collection<KeyHandle> keys,
            Map<String, Set<String>> requestIdsByKey) {
        long start = System.nanoTime();
        long deadline = start + ctx.settings().settleTimeout().toNanos();
        Map<String, Long> lagMs = new LinkedHashMap<>();
        for (KeyHandle k : keys) {
            boolean ok =
                    settled(ctx, k, requestIdsByKey.getOrDefault(k.label(), Set.of()), deadline);
            lagMs.put(k.label(), ok ? (System.nanoTime() - start) / 1_000_000 : -1L);
        }
        return lagMs;
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

    private static boolean settled(
            VerifyContext ctx, KeyHandle k, Set<String> requestIds, long deadlineNanos) {
        if (ctx.mock()) {
            return Waiting.until(
                            () ->
                                    mockAgrees(ctx, k, requestIds)
                                            ? Optional.of(true)
                                            : Optional.<Boolean>empty(),
                            POLL,
                            deadlineNanos)
                    .isPresent();
        }
        AtomicReference<Long> previous = new AtomicReference<>();
        return Waiting.until(
                        () -> {
                            long used = ctx.ledger(k).usedInPeriodMicroCredits();
                            return Optional.of(used).filter(u -> u.equals(previous.getAndSet(u)));
                        },
                        LIVE_POLL,
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
