package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import java.util.List;

/**
 * What driving one key to its limit showed.
 *
 * @param calls every call, in completion order
 * @param clientSpentMicroCredits sum of usage x price over the admitted calls with usage
 * @param maxCostMicroCredits the most expensive single admitted call
 * @param runaway the key never stopped: the drive gave up at limit + (concurrency + 4) x max cost
 *     (or after many calls that were not billed at all)
 * @param ledgerExhaustedAtNanos concurrency 1 only: when a ledger read after a call first showed
 *     remaining <= 0
 * @param leaksDuringDrive concurrency 1 only: calls admitted after that read
 * @param firstRejection the first refused call, or null
 * @param ledgerAfterRejection concurrency 1 only: the ledger read right after the first refusal
 * @param startNanos when the drive started
 */
public record DriveResult(
        List<CallResult> calls,
        long clientSpentMicroCredits,
        long maxCostMicroCredits,
        boolean runaway,
        Long ledgerExhaustedAtNanos,
        int leaksDuringDrive,
        CallResult firstRejection,
        VerifyContext.LedgerView ledgerAfterRejection,
        long startNanos) {

    public DriveResult {
        calls = List.copyOf(calls);
    }

    public long admitted() {
        return calls.stream().filter(CallResult::admitted).count();
    }

    public long rejected() {
        return calls.stream().filter(CallResult::rejected).count();
    }

    /** Calls that were neither admitted nor refused (5xx, transport errors). */
    public long errors() {
        return calls.size() - admitted() - rejected();
    }

    /**
     * Prompt tokens the gateway counted for this request shape, or -1 when no call reported usage.
     */
    public long promptTokens() {
        return calls.stream()
                .filter(CallResult::hasUsage)
                .mapToLong(CallResult::promptTokens)
                .findFirst()
                .orElse(-1);
    }
}
