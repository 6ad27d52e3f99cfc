package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import java.util.List;

/**
 * Judges leaks: requests admitted after the ledger showed remaining <= 0 (read after each call at
 * concurrency 1, and once settled for every cell, followed by probes). Any leak fails: once the
 * ledger shows the key exhausted and nothing is in flight, no request may pass (stale caches and
 * late batch writes are exactly what this catches). Evidence: leaks and time to the first rejection
 * per cell.
 */
public final class LeakCheck {
    private LeakCheck() {}

    public static CheckResult evaluate(List<CellOutcome> cells) {
        ArrayNode rows = Evidence.array();
        int observed = 0;
        int leaks = 0;
        String first = null;
        for (CellOutcome c : cells) {
            boolean exhaustedSeen =
                    c.drive().ledgerExhaustedAtNanos() != null || c.leakProbesSent() > 0;
            if (!exhaustedSeen) {
                continue;
            }
            observed++;
            leaks += c.leaks();
            if (c.leaks() > 0 && first == null) {
                first = c.cell().id();
            }
            ObjectNode row = rows.addObject();
            row.put("cell", c.cell().id());
            row.put("concurrency", c.cell().concurrency());
            row.put("leaked_during_drive", c.drive().leaksDuringDrive());
            row.put("probes_sent", c.leakProbesSent());
            row.put("probes_admitted", c.leakProbesAdmitted());
            row.put("time_to_first_rejection_ms", Evidence.millis(c.timeToFirstRejectionNanos()));
        }
        ObjectNode e = Evidence.object();
        e.put("cells_with_exhausted_ledger", observed);
        e.put("leaked_requests", leaks);
        e.set("cells", rows);
        if (observed == 0) {
            e.put(
                    "reason",
                    "no key's ledger showed remaining <= 0 (the keys stopped at the pre-consume check first)");
            return new CheckResult(
                    CheckName.LEAKS, Verdict.NOT_CHECKED, e.get("reason").asText(), e);
        }
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
