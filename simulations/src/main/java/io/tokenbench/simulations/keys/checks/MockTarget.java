package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mock as target: its admin API makes a fresh key for every purpose, moves the clock and shows
 * the ledger and the logs; the ledger counts as settled once it equals the sum of the key's log
 * rows.
 */
public final class MockTarget implements Target {
    /** Read interval of the lag figure: the mock answers within a millisecond. */
    private static final Duration LAG_POLL = Duration.ofMillis(10);

    /** A gap between tokens so a cancel lands mid-stream. */
    static final String SLOW_STREAM_ITL_MS = "5";

    private final MockAdmin admin;
    private final AtomicInteger keyNumber = new AtomicInteger();

    public MockTarget(MockAdmin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    @Override
    public VerifyContext.LedgerView ledger(KeyHandle key) {
        MockAdmin.KeyView v = admin.key(key.adminId());
        return new VerifyContext.LedgerView(
                v.usedInPeriodMicroCredits(),
                v.usedTotalMicroCredits(),
                v.remainingMicroCredits(),
                System.nanoTime());
    }

    @Override
    public long baselineUsedMicroCredits(KeyHandle key) {
        return ledger(key).usedInPeriodMicroCredits();
    }

    @Override
    public boolean awaitSettled(
            KeyHandle key,
            Set<String> requestIds,
            Optional<LedgerSettle.Expect> expect,
            long deadlineNanos) {
        return LedgerSettle.logsSettled(admin, key, requestIds, deadlineNanos);
    }

    @Override
    public Duration lagPoll() {
        return LAG_POLL;
    }

    @Override
    public Optional<Calibration> calibrate(VerifyContext ctx) {
        return Optional.of(Calibration.measure(ctx));
    }

    @Override
    public Map<Cell, KeyHandle> matrixKeys(List<Cell> cells, Optional<Calibration> calibration) {
        long limit = calibration.orElseThrow().limitMicroCredits();
        Map<Cell, KeyHandle> keys = new LinkedHashMap<>();
        for (Cell cell : cells) {
            keys.put(cell, createKey(cell.id(), limit, "none", "none"));
        }
        return keys;
    }

    @Override
    public String whyNoKey(int cellsTotal) {
        return "the mock makes a key for each of the " + cellsTotal + " cells";
    }

    @Override
    public Optional<KeyHandle> unlimitedKey() {
        return Optional.of(createKey("unlimited", null, "none", "none"));
    }

    @Override
    public Optional<KeyHandle> cancelKey(Optional<KeyHandle> unlimited) {
        return Optional.of(createKey("cancel", null, "none", "none"));
    }

    @Override
    public ChatProbe slowStream(ChatProbe stream) {
        return stream.withHeader("x-mock-itl-ms", SLOW_STREAM_ITL_MS);
    }

    /** A fresh key exhausted by one request, when one request costs more than its estimate. */
    @Override
    public Optional<KeyHandle> exhaustedKey(
            VerifyContext ctx, List<CellOutcome> cells, Optional<Calibration> calibration) {
        Calibration cal = calibration.orElseThrow();
        if (cal.costMicroCredits() <= cal.estimateNoMaxMicroCredits()) {
            return Optional.empty();
        }
        KeyHandle k =
                createKey(
                        "exhausted",
                        (cal.estimateNoMaxMicroCredits() + cal.costMicroCredits()) / 2,
                        "none",
                        "none");
        ctx.gateway().call(ctx.probe(), k.secret());
        LedgerSettle.await(ctx, List.of(k));
        // Only a ledger that shows remaining <= 0 makes an "exhausted" refusal (a dropped
        // settlement leaves room).
        return ledger(k).exhausted() ? Optional.of(k) : Optional.empty();
    }

    /** A key whose limit is half the estimate of a request without max_tokens. */
    @Override
    public Optional<KeyHandle> preConsumeKey(Optional<Calibration> calibration) {
        return Optional.of(
                createKey(
                        "pre-consume",
                        calibration.orElseThrow().estimateNoMaxMicroCredits() / 2,
                        "none",
                        "none"));
    }

    @Override
    public Check resetCheck() {
        return new ResetCheck(admin, ResetCase.defaults());
    }

    @Override
    public AccountingSource accounting() {
        return new MockAccounting(admin);
    }

    /**
     * The request's log row. It appears when the server notices the disconnect (an unlimited key
     * reserves nothing, so the ledger alone cannot tell that the settlement is still to come):
     * waits for the row itself.
     */
    @Override
    public Optional<CancelBilled> billedCancel(
            VerifyContext ctx, KeyHandle key, CallResult r, long beforeMicroCredits) {
        long deadline = System.nanoTime() + ctx.settings().settleTimeout().toNanos();
        return Waiting.until(
                        () ->
                                admin.logs(key.adminId()).stream()
                                        .filter(
                                                l ->
                                                        r.requestId() != null
                                                                && r.requestId()
                                                                        .equals(l.requestId()))
                                        .findFirst(),
                        Duration.ofMillis(20),
                        deadline)
                .map(
                        row ->
                                new CancelBilled.Logged(
                                        row.cancelReason(),
                                        row.completionTokens(),
                                        row.microCredits(),
                                        row.promptTokens()));
    }

    @Override
    public KeyHandle createKey(
            String purpose, Long limitMicroCredits, String reset, String expiration) {
        String name = "verify-" + keyNumber.incrementAndGet() + "-" + purpose;
        MockAdmin.CreatedKey k =
                admin.createKey(
                        name.length() > 50 ? name.substring(0, 50) : name,
                        limitMicroCredits,
                        reset,
                        expiration);
        return new KeyHandle(name, k.secret(), k.view().id(), limitMicroCredits);
    }

    @Override
    public MockAdmin admin(String whyNeeded) {
        return admin;
    }
}
