package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that differs between the mock ({@link MockTarget}: its admin API makes keys, moves the
 * clock and shows logs) and a live gateway ({@link LiveTarget}: the user's keys and the usage
 * endpoint only). The checks call these instead of asking which target they run against.
 */
public interface Target {

    /** The ledger as the platform shows it now (admin API on the mock, usage endpoint live). */
    VerifyContext.LedgerView ledger(KeyHandle key);

    /** The key's period usage before this run touched it. */
    long baselineUsedMicroCredits(KeyHandle key);

    /**
     * Polls until the key's ledger settled or the deadline passed (see {@link LedgerSettle}).
     *
     * @param requestIds requests that must have their log row where logs are readable
     * @param expect what the ledger must show where only the usage endpoint is readable, or empty
     * @return whether it settled before {@code deadlineNanos}
     */
    boolean awaitSettled(
            KeyHandle key,
            Set<String> requestIds,
            Optional<LedgerSettle.Expect> expect,
            long deadlineNanos);

    /** Read interval of the propagation-lag figure (its resolution). */
    Duration lagPoll();

    /** The mock measures one request to size its keys; a live gateway's keys are given. */
    Optional<Calibration> calibrate(VerifyContext ctx);

    /**
     * One key per cell, in the cells' order, while there are keys; cells without a key are left out
     * (and reported with {@link #whyNoKey(int)}).
     */
    Map<Cell, KeyHandle> matrixKeys(List<Cell> cells, Optional<Calibration> calibration);

    /** Why a cell got no key, given the matrix size. */
    String whyNoKey(int cellsTotal);

    /** A key with room: created on the mock, {@code --unlimited-key-env} live, or none. */
    Optional<KeyHandle> unlimitedKey();

    /**
     * A key with room for the cancelled stream: a fresh one on the mock, else {@code unlimited}.
     */
    Optional<KeyHandle> cancelKey(Optional<KeyHandle> unlimited);

    /** A stream slow enough to be cancelled mid-way (the mock is told its inter-token gap). */
    ChatProbe slowStream(ChatProbe stream);

    /** A key whose ledger shows remaining <= 0, for the error contract. */
    Optional<KeyHandle> exhaustedKey(
            VerifyContext ctx, List<CellOutcome> cells, Optional<Calibration> calibration);

    /** A key with 0 < remaining < a request's estimate, for the error contract. */
    Optional<KeyHandle> preConsumeKey(Optional<Calibration> calibration);

    /** The reset check this target allows: on the mock's clock, or a real boundary live. */
    Check resetCheck();

    /** How the accounting check reads and compares one key's ledger. */
    AccountingSource accounting();

    /**
     * What the cancelled stream {@code r} on {@code key} was billed: its log row on the mock
     * (waited for; empty when it never appeared), the ledger's increase since {@code
     * beforeMicroCredits} live.
     */
    Optional<CancelBilled> billedCancel(
            VerifyContext ctx, KeyHandle key, CallResult r, long beforeMicroCredits);

    /**
     * Creates a key on the mock, named {@code verify-<n>-<purpose>}.
     *
     * @param limitMicroCredits null = unlimited
     * @throws NotCheckable on a live gateway (the verifier never creates keys there)
     */
    KeyHandle createKey(String purpose, Long limitMicroCredits, String reset, String expiration);

    /**
     * The mock's admin API (keys, clock, logs).
     *
     * @param whyNeeded the not_checked reason when this target has none
     * @throws NotCheckable on a live gateway
     */
    MockAdmin admin(String whyNeeded);
}
