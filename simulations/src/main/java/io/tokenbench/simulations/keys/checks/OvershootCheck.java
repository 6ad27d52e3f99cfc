package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import java.util.List;
import java.util.TreeMap;

/**
 * Judges overshoot = max(0, charged - limit) per matrix cell (charged = the settled ledger).
 *
 * <ul>
 *   <li>fail: the key never stopped (runaway); or overshoot above {@code concurrency x max single
 *       cost} (no gateway that admits only while the ledger shows room can exceed that: at most N
 *       requests are in flight past the last admission); or any overshoot at concurrency 1 with
 *       max_tokens (the pre-consume reserves at least the request's cost, so a sequential client
 *       never overshoots: this is what a trust bypass breaks).
 *   <li>quantified: overshoot within those bounds (the racy check-then-act reservation, or output
 *       that the estimate without max_tokens does not cover): measured, not judged.
 *   <li>pass: no overshoot anywhere.
 * </ul>
 */
public final class OvershootCheck {
    private OvershootCheck() {}

    public static CheckResult evaluate(List<CellOutcome> cells) {
        return evaluate(cells, List.of(), "");
    }

    /**
     * @param notRun cells of the matrix that were not run
     * @param whyNotRun why (e.g. "no key: 3 --key-env keys for 16 cells")
     */
    public static CheckResult evaluate(
            List<CellOutcome> cells, List<Cell> notRun, String whyNotRun) {
        ArrayNode notRunRows = Evidence.array();
        for (Cell c : notRun) {
            notRunRows
                    .addObject()
                    .put("cell", c.id())
                    .put("verdict", "not_checked")
                    .put("reason", whyNotRun);
        }
        int total = cells.size() + notRun.size();
        if (cells.isEmpty()) {
            ObjectNode e = Evidence.object();
            e.set("coverage", coverage(total, 0, 0, notRun.size()));
            e.set("cells_not_run", notRunRows);
            e.put(
                    "reason",
                    "no matrix cell was run" + (whyNotRun.isEmpty() ? "" : ": " + whyNotRun));
            return new CheckResult(
                    CheckName.OVERSHOOT, Verdict.NOT_CHECKED, e.get("reason").asText(), e);
        }
        ArrayNode rows = Evidence.array();
        int stoppedEarly = 0;
        TreeMap<Integer, ObjectNode> byConcurrency = new TreeMap<>();
        int failed = 0;
        long worst = 0;
        StringBuilder why = new StringBuilder();
        for (CellOutcome c : cells) {
            long over = c.overshootMicroCredits();
            long maxCost = c.drive().maxCostMicroCredits();
            long bound = (long) c.cell().concurrency() * maxCost;
            String problem = null;
            boolean early = false;
            if (c.drive().runaway()) {
                problem = "never stopped";
            } else if (over > bound) {
                problem = "overshoot above " + c.cell().concurrency() + " x max request cost";
            } else if (c.cell().concurrency() == 1 && c.cell().maxTokens() != null && over > 0) {
                problem = "overshoot at concurrency 1 with max_tokens";
            } else if (c.stoppedBeforeLimit()) {
                early = true;
                stoppedEarly++;
            }
            if (problem != null) {
                failed++;
                if (why.length() == 0) {
                    why.append(c.cell().id()).append(": ").append(problem);
                }
            }
            worst = Math.max(worst, over);
            ObjectNode row = rows.addObject();
            row.put("cell", c.cell().id());
            row.put("concurrency", c.cell().concurrency());
            row.put("stream", c.cell().stream());
            if (c.cell().maxTokens() == null) {
                row.putNull("max_tokens");
            } else {
                row.put("max_tokens", c.cell().maxTokens());
            }
            row.put("limit_micro_credits", c.limitMicroCredits());
            row.put("charged_micro_credits", c.chargedMicroCredits());
            row.put("client_spent_micro_credits", c.drive().clientSpentMicroCredits());
            row.put("overshoot_micro_credits", over);
            row.put("overshoot_share_of_limit", Evidence.share(over, c.limitMicroCredits()));
            row.put("overshoot_in_requests", Evidence.share(over, maxCost));
            row.put("bound_micro_credits", bound);
            row.put("max_request_cost_micro_credits", maxCost);
            row.put("estimate_micro_credits", c.estimateMicroCredits());
            row.put("admitted", c.drive().admitted());
            row.put("rejected", c.drive().rejected());
            row.put("errors", c.drive().errors());
            row.put("runaway", c.drive().runaway());
            row.put("ledger_settled", c.settled());
            row.put("settle_ms", c.settleWaitMs());
            row.put(
                    "verdict",
                    problem != null
                            ? "fail"
                            : early ? "not_checked" : over > 0 ? "quantified" : "pass");
            if (problem != null) {
                row.put("problem", problem);
            }
            if (early) {
                row.put(
                        "used_share_of_limit",
                        Math.round(c.usedShareOfLimit() * 10_000) / 10_000.0);
                row.put(
                        "proves",
                        "stopped by a refusal at "
                                + Math.round(c.usedShareOfLimit() * 100)
                                + " % of the limit with room for "
                                + c.settledRemainingMicroCredits() / Math.max(1, maxCost)
                                + " more request(s): proves the gateway refuses when its"
                                + " pre-consume estimate exceeds the remaining Credits; says"
                                + " nothing about overshoot at the limit");
            }
            ObjectNode agg =
                    byConcurrency.computeIfAbsent(
                            c.cell().concurrency(),
                            k ->
                                    Evidence.object()
                                            .put("concurrency", k)
                                            .put("max_overshoot_micro_credits", 0L));
            if (over >= agg.get("max_overshoot_micro_credits").asLong()) {
                agg.put("max_overshoot_micro_credits", over);
                agg.put(
                        "max_overshoot_share_of_limit",
                        Evidence.share(over, c.limitMicroCredits()));
            }
        }
        ObjectNode e = Evidence.object();
        e.set("by_concurrency", Evidence.array().addAll(byConcurrency.values()));
        e.set("cells", rows);
        int checked = cells.size() - stoppedEarly;
        e.set("coverage", coverage(total, checked, stoppedEarly, notRun.size()));
        e.set("cells_not_run", notRunRows);
        String scope = coverageNote(total, checked, stoppedEarly, notRun.size());
        if (failed > 0) {
            return new CheckResult(
                    CheckName.OVERSHOOT,
                    Verdict.FAIL,
                    failed + " cell(s) failed; first: " + why + scope,
                    e);
        }
        if (worst > 0) {
            return new CheckResult(
                    CheckName.OVERSHOOT,
                    Verdict.QUANTIFIED,
                    "overshoot within bounds, at most " + worst + " micro-Credits" + scope,
                    e);
        }
        if (checked == 0) {
            e.put("reason", "every cell stopped before its limit" + scope);
            return new CheckResult(
                    CheckName.OVERSHOOT, Verdict.NOT_CHECKED, e.get("reason").asText(), e);
        }
        return new CheckResult(
                CheckName.OVERSHOOT, Verdict.PASS, "no cell overshot its limit" + scope, e);
    }

    private static ObjectNode coverage(int total, int checked, int stoppedEarly, int notRun) {
        return Evidence.object()
                .put("cells_total", total)
                .put("cells_checked", checked)
                .put("cells_stopped_before_limit", stoppedEarly)
                .put("cells_not_run", notRun);
    }

    /** "" when every cell was checked, else " (4 of 16 cells checked; ...)". */
    private static String coverageNote(int total, int checked, int stoppedEarly, int notRun) {
        if (checked == total) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (" + checked + " of " + total + " cells checked");
        if (notRun > 0) {
            b.append("; ").append(notRun).append(" not run");
        }
        if (stoppedEarly > 0) {
            b.append("; ").append(stoppedEarly).append(" stopped before the limit");
        }
        return b.append(')').toString();
    }
}
