package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Evidence;
import io.tokenbench.simulations.keys.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges leaks: requests admitted after the ledger showed remaining <= 0 (read after each call at
 * concurrency 1, and once settled for every cell, followed by probes). Any leak fails: once the
 * ledger shows the key exhausted and nothing is in flight, no request may pass (stale caches and
 * late batch writes are exactly what this catches). Evidence: leaks and time to the first rejection
 * per cell.
 */
public final class LeakCheck implements Check {

    /**
     * @param reason why nothing was judged, or null
     */
    public record LeakEvidence(
            int cellsWithExhaustedLedger,
            int leakedRequests,
            List<Row> cells,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason)
            implements Evidence {}

    /**
     * @param timeToFirstRejectionMs null when no rejection followed
     */
    public record Row(
            String cell,
            int concurrency,
            int leakedDuringDrive,
            int probesSent,
            int probesAdmitted,
            BigDecimal timeToFirstRejectionMs) {}

    @Override
    public CheckName name() {
        return CheckName.LEAKS;
    }

    @Override
    public CheckResult run(Findings f) {
        return evaluate(f.cells());
    }

    public static CheckResult evaluate(List<CellOutcome> cells) {
        List<Row> rows = new ArrayList<>();
        int leaks = 0;
        String first = null;
        for (CellOutcome c : cells) {
            boolean exhaustedSeen =
                    c.drive().ledgerExhaustedAtNanos() != null || c.leakProbesSent() > 0;
            if (!exhaustedSeen) {
                continue;
            }
            leaks += c.leaks();
            if (c.leaks() > 0 && first == null) {
                first = c.cell().id();
            }
            rows.add(
                    new Row(
                            c.cell().id(),
                            c.cell().concurrency(),
                            c.drive().leaksDuringDrive(),
                            c.leakProbesSent(),
                            c.leakProbesAdmitted(),
                            Figures.millis(c.timeToFirstRejectionNanos())));
        }
        int observed = rows.size();
        if (observed == 0) {
            String why =
                    "no key's ledger showed remaining <= 0 (the keys stopped at the pre-consume"
                            + " check first)";
            return new CheckResult(
                    CheckName.LEAKS,
                    Verdict.NOT_CHECKED,
                    why,
                    new LeakEvidence(observed, leaks, rows, why));
        }
        LeakEvidence e = new LeakEvidence(observed, leaks, rows, null);
        if (leaks > 0) {
            return new CheckResult(
                    CheckName.LEAKS,
                    Verdict.FAIL,
                    leaks
                            + " request(s) admitted after the ledger showed remaining <= 0 (first in "
                            + first
                            + ")",
                    e);
        }
        return new CheckResult(
                CheckName.LEAKS,
                Verdict.PASS,
                "no request admitted after the ledger showed remaining <= 0 ("
                        + observed
                        + " cells)",
                e);
    }
}
