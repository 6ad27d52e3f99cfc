package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.MockAdmin;
import io.tokenbench.simulations.keys.http.UsageProbe;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A live gateway as target: the keys the user made (never created or changed here), the usage
 * endpoint as the only view of the ledger, no clock and no logs. What needs the mock's admin API is
 * refused with {@link NotCheckable}, so those checks are {@code not_checked} with the reason.
 */
public final class LiveTarget implements Target {
    /** Read interval of the lag figure: a round trip to a remote gateway. */
    private static final Duration LAG_POLL = Duration.ofMillis(50);

    private final UsageProbe usage;
    private final List<KeyHandle> keys;
    private final Map<String, Long> firstContactUsedByKey;
    private final Optional<KeyHandle> unlimited;
    private final Optional<String> reset;

    /**
     * @param keys the {@code --key-env} keys, in the order the matrix uses them
     * @param firstContactUsedByKey each key's {@code used_in_period} read before the verifier sent
     *     anything with it (by key label): the baseline of its matrix cell
     * @param unlimited the {@code --unlimited-key-env} key, if given
     * @param reset the keys' reset type ({@code --reset}), if given
     */
    public LiveTarget(
            UsageProbe usage,
            List<KeyHandle> keys,
            Map<String, Long> firstContactUsedByKey,
            Optional<KeyHandle> unlimited,
            Optional<String> reset) {
        this.usage = Objects.requireNonNull(usage, "usage");
        this.keys = List.copyOf(keys);
        this.firstContactUsedByKey = Map.copyOf(firstContactUsedByKey);
        this.unlimited = Objects.requireNonNull(unlimited, "unlimited");
        this.reset = Objects.requireNonNull(reset, "reset");
    }

    @Override
    public VerifyContext.LedgerView ledger(KeyHandle key) {
        UsageProbe.TokenUsage u = usage.read(key.secret());
        return new VerifyContext.LedgerView(
                u.usedMicroCredits(),
                null,
                u.unlimited() ? null : u.availableMicroCredits(),
                System.nanoTime());
    }

    /**
     * Read at first contact (even a catalog read may reserve and refund on some gateways; a lagging
     * read view would show that reservation for a while), or now.
     */
    @Override
    public long baselineUsedMicroCredits(KeyHandle key) {
        Long first = firstContactUsedByKey.get(key.label());
        return first != null ? first : ledger(key).usedInPeriodMicroCredits();
    }

    @Override
    public boolean awaitSettled(
            KeyHandle key,
            Set<String> requestIds,
            Optional<LedgerSettle.Expect> expect,
            long deadlineNanos) {
        return LedgerSettle.usageSettled(this, key, expect, deadlineNanos);
    }

    @Override
    public Duration lagPoll() {
        return LAG_POLL;
    }

    @Override
    public Optional<Calibration> calibrate(VerifyContext ctx) {
        return Optional.empty();
    }

    @Override
    public Map<Cell, KeyHandle> matrixKeys(List<Cell> cells, Optional<Calibration> calibration) {
        Map<Cell, KeyHandle> assigned = new LinkedHashMap<>();
        Iterator<KeyHandle> next = keys.iterator();
        for (Cell cell : cells) {
            if (!next.hasNext()) {
                break;
            }
            assigned.put(cell, next.next());
        }
        return assigned;
    }

    @Override
    public String whyNoKey(int cellsTotal) {
        return "no key: "
                + keys.size()
                + " --key-env key(s) for "
                + cellsTotal
                + " cells (one key per cell, streaming and non-streaming first)";
    }

    @Override
    public Optional<KeyHandle> unlimitedKey() {
        return unlimited;
    }

    @Override
    public Optional<KeyHandle> cancelKey(Optional<KeyHandle> unlimited) {
        return unlimited;
    }

    @Override
    public ChatProbe slowStream(ChatProbe stream) {
        return stream;
    }

    /** The first matrix key whose ledger shows remaining <= 0. */
    @Override
    public Optional<KeyHandle> exhaustedKey(
            VerifyContext ctx, List<CellOutcome> cells, Optional<Calibration> calibration) {
        for (CellOutcome c : cells) {
            if (ledger(c.key()).exhausted()) {
                return Optional.of(c.key());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<KeyHandle> preConsumeKey(Optional<Calibration> calibration) {
        return Optional.empty();
    }

    @Override
    public Check resetCheck() {
        return new LiveResetCheck(reset);
    }

    @Override
    public AccountingSource accounting() {
        return new LiveAccounting();
    }

    @Override
    public Optional<CancelBilled> billedCancel(
            VerifyContext ctx, KeyHandle key, CallResult r, long beforeMicroCredits) {
        return Optional.of(
                new CancelBilled.LedgerIncrease(
                        ledger(key).usedInPeriodMicroCredits() - beforeMicroCredits,
                        ctx.price().costMicroCredits(0, r.contentEvents())));
    }

    @Override
    public KeyHandle createKey(
            String purpose, Long limitMicroCredits, String reset, String expiration) {
        throw new NotCheckable("the verifier never creates keys on a live gateway");
    }

    @Override
    public MockAdmin admin(String whyNeeded) {
        throw new NotCheckable(whyNeeded);
    }
}
