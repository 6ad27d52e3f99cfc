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
 * a live gateway: until the usage endpoint agrees with what the client knows ({@link Expect}: the
 * key's baseline plus usage x price, within one micro-Credit of rounding per request; or at least a
 * floor) and then reads the same twice {@value #LIVE_POLL_MS} ms apart. Two equal reads alone prove
 * nothing on an endpoint that lags: it may still show reservations not yet released, or spend not
 * yet written. Without an expectation, two reads one second apart must agree. A key that does not
 * settle in time gets -1 (the accounting check's business, not a reason to hang).
 */
public final class LedgerSettle {
    private static final Duration POLL = Duration.ofMillis(50);
    static final long LIVE_POLL_MS = 250;
    private static final Duration LIVE_POLL = Duration.ofMillis(LIVE_POLL_MS);
    private static final Duration LIVE_POLL_UNKNOWN_SPEND = Duration.ofSeconds(1);

    /**
     * What a settled live ledger shows: {@code used_in_period} within {@code tolerance} of {@code
     * usedMicroCredits}, or with {@code atLeast} any value from {@code usedMicroCredits -
     * tolerance} up.
     */
    public record Expect(long usedMicroCredits, long toleranceMicroCredits, boolean atLeast) {
        /** Baseline plus usage x price of the admitted calls, one micro-Credit per call. */
        public static Expect spent(
                VerifyContext ctx, long baselineMicroCredits, Collection<CallResult> calls) {
            long spent = 0;
            int priced = 0;
            for (CallResult r : calls) {
                if (r.admitted() && r.hasUsage()) {
                    spent += ctx.price().costMicroCredits(r.promptTokens(), r.completionTokens());
                    priced++;
                }
            }
            return new Expect(baselineMicroCredits + spent, priced, false);
        }

        public static Expect atLeast(long floorMicroCredits) {
            return new Expect(floorMicroCredits, 0, true);
        }

        boolean met(long used) {
            return atLeast
                    ? used >= usedMicroCredits - toleranceMicroCredits
                    : Math.abs(used - usedMicroCredits) <= toleranceMicroCredits;
        }
    }

    private LedgerSettle() {}

    /**
     * @return per key label: milliseconds this key waited until it settled, or -1 when it did not
     *     within its timeout
     */
    public static Map<String, Long> await(VerifyContext ctx, Collection<KeyHandle> keys) {
        return await(ctx, keys, Map.of(), Map.of());
    }

    /** Like {@link #await(VerifyContext, Collection, Map, Map)} without expectations. */
    public static Map<String, Long> await(
            VerifyContext ctx,
            Collection<KeyHandle> keys,
            Map<String, Set<String>> requestIdsByKey) {
        return await(ctx, keys, requestIdsByKey, Map.of());
    }

    /**
     * @param requestIdsByKey the mock: requests (by key label) that must have their log row (a key
     *     that reserves nothing shows a ledger equal to its logs while a settlement is to come)
     * @param expectByKey live: what the usage endpoint must show (by key label) before the key
     *     counts as settled
     */
    public static Map<String, Long> await(
            VerifyContext ctx,
            Collection<KeyHandle> keys,
            Map<String, Set<String>> requestIdsByKey,
            Map<String, Expect> expectByKey) {
        Map<String, Long> waitMs = new LinkedHashMap<>();
        for (KeyHandle k : keys) {
            long start = System.nanoTime();
            long deadline = start + ctx.settings().settleTimeout().toNanos();
            boolean ok =
                    ctx.target()
                            .awaitSettled(
                                    k,
                                    requestIdsByKey.getOrDefault(k.label(), Set.of()),
                                    Optional.ofNullable(expectByKey.get(k.label())),
                                    deadline);
            waitMs.put(k.label(), ok ? (System.nanoTime() - start) / 1_000_000 : -1L);
        }
        return waitMs;
    }

    /**
     * One key's ledger once it settled after {@code calls} (or at its deadline): what a refusal or
     * an apparently exhausted ledger is judged against during a sequential drive.
     */
    public static VerifyContext.LedgerView settledView(
            VerifyContext ctx, KeyHandle key, long baselineMicroCredits, List<CallResult> calls) {
        await(
                ctx,
                List.of(key),
                Map.of(key.label(), loggedIds(calls)),
                Map.of(key.label(), Expect.spent(ctx, baselineMicroCredits, calls)));
        return ctx.ledger(key);
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

    /**
     * The mock: polls until the key's ledger equals the sum of its log rows and every listed
     * request has its row.
     */
    static boolean logsSettled(
            MockAdmin admin, KeyHandle k, Set<String> requestIds, long deadlineNanos) {
        return Waiting.until(
                        () ->
                                logsAgree(admin, k, requestIds)
                                        ? Optional.of(true)
                                        : Optional.<Boolean>empty(),
                        POLL,
                        deadlineNanos)
                .isPresent();
    }

    /**
     * Live: polls the usage endpoint until it meets {@code expect} and then reads the same twice.
     *
     * @param expect empty when the client does not know what the key spent
     */
    static boolean usageSettled(
            Target target, KeyHandle k, Optional<Expect> expect, long deadlineNanos) {
        AtomicReference<Long> previous = new AtomicReference<>();
        return Waiting.until(
                        () -> {
                            long used = target.ledger(k).usedInPeriodMicroCredits();
                            if (expect.isPresent() && !expect.get().met(used)) {
                                previous.set(null);
                                return Optional.<Long>empty();
                            }
                            return Optional.of(used).filter(u -> u.equals(previous.getAndSet(u)));
                        },
                        expect.isPresent() ? LIVE_POLL : LIVE_POLL_UNKNOWN_SPEND,
                        deadlineNanos)
                .isPresent();
    }

    /** The key's ledger equals the sum of its log rows, and every listed request has its row. */
    private static boolean logsAgree(MockAdmin admin, KeyHandle k, Set<String> requestIds) {
        MockAdmin.KeyView v = admin.key(k.adminId());
        List<MockAdmin.LogRow> rows = admin.logs(k.adminId());
        long logs = rows.stream().mapToLong(MockAdmin.LogRow::microCredits).sum();
        Set<String> logged = new HashSet<>();
        rows.forEach(r -> logged.add(r.requestId()));
        return v.usedTotalMicroCredits() == logs && logged.containsAll(requestIds);
    }
}
