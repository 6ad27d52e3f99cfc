package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell after its drive, the ledger settled and the leak probes.
 *
 * @param limitMicroCredits the key's limit
 * @param baselineUsedMicroCredits the key's period usage before the drive (0 for the mock's fresh
 *     keys)
 * @param chargedMicroCredits the settled ledger's period usage: what the platform charged
 * @param settled the ledger agreed within the settle timeout
 * @param estimateMicroCredits new-api's pre-consume estimate of this request shape
 * @param leakProbesSent probes sent after the settled ledger showed remaining <= 0 (0 when it did
 *     not)
 * @param leakProbesAdmitted of those, admitted
 * @param timeToFirstRejectionNanos from the ledger read showing remaining <= 0 to the first refused
 *     probe (or, at concurrency 1, the refusal in the drive), null when none
 * @param probeCalls the leak probes
 * @param settleWaitMs how long this key's ledger took to settle after the drives, -1 when it did
 *     not within {@code --settle-timeout}
 * @param settledRemainingMicroCredits the settled ledger's remaining (null for an unlimited key):
 *     the balance every refusal of a sequential drive is judged against
 */
public record CellOutcome(
        Cell cell,
        KeyHandle key,
        long limitMicroCredits,
        DriveResult drive,
        long baselineUsedMicroCredits,
        long chargedMicroCredits,
        boolean settled,
        long estimateMicroCredits,
        int leakProbesSent,
        int leakProbesAdmitted,
        Long timeToFirstRejectionNanos,
        List<CallResult> probeCalls,
        long settleWaitMs,
        Long settledRemainingMicroCredits) {

    public CellOutcome {
        probeCalls = List.copyOf(probeCalls);
    }

    /** A settled (or not, wait -1) cell whose remaining is {@code limit - charged}. */
    public CellOutcome(
            Cell cell,
            KeyHandle key,
            long limitMicroCredits,
            DriveResult drive,
            long baselineUsedMicroCredits,
            long chargedMicroCredits,
            boolean settled,
            long estimateMicroCredits,
            int leakProbesSent,
            int leakProbesAdmitted,
            Long timeToFirstRejectionNanos,
            List<CallResult> probeCalls) {
        this(
                cell,
                key,
                limitMicroCredits,
                drive,
                baselineUsedMicroCredits,
                chargedMicroCredits,
                settled,
                estimateMicroCredits,
                leakProbesSent,
                leakProbesAdmitted,
                timeToFirstRejectionNanos,
                probeCalls,
                settled ? 0 : -1,
                limitMicroCredits - chargedMicroCredits);
    }

    /**
     * The drive ended at a refusal while the settled ledger still had room for at least one more
     * request at its real cost: the gateway refused on its pre-consume estimate well below the
     * limit, so this cell says nothing about overshoot.
     */
    public boolean stoppedBeforeLimit() {
        return !drive.runaway()
                && drive.firstRejection() != null
                && settledRemainingMicroCredits != null
                && drive.maxCostMicroCredits() > 0
                && settledRemainingMicroCredits >= drive.maxCostMicroCredits();
    }

    /** Share of the limit used when the drive stopped (settled ledger). */
    public double usedShareOfLimit() {
        return limitMicroCredits == 0 ? 0 : (double) chargedMicroCredits / limitMicroCredits;
    }

    /** The drive's calls, then the leak probes. */
    public List<CallResult> allCalls() {
        List<CallResult> all = new ArrayList<>(drive.calls());
        all.addAll(probeCalls);
        return all;
    }

    public long overshootMicroCredits() {
        return Math.max(0, chargedMicroCredits - limitMicroCredits);
    }

    /**
     * Leaks: admitted after the ledger showed remaining <= 0, during the drive (concurrency 1) and
     * as probes.
     */
    public int leaks() {
        return drive.leaksDuringDrive() + leakProbesAdmitted;
    }
}
