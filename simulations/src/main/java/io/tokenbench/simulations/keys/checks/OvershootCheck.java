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
        if (cells.isEmpty()) {
            return CheckResult.notChecked(CheckName.OVERSHOOT, "no matrix cell was run");
        }
        ArrayNode rows = Evidence.array();
        TreeMap<Integer, ObjectNode> byConcurrency = new TreeMap<>();
        int failed = 0;
        long worst = 0;
        StringBuilder why = new StringBuilder();
        for (CellOutcome c : cells) {
            long over = c.overshootMicroCredits();
            long maxCost = c.drive().maxCostMicroCredits();
            long bound = (long) c.cell().concurrency() * maxCost;
            String problem = null;
            if (c.drive().runaway()) {
                problem = "never stopped";
            } else if (over > bound) {
                problem = "overshoot above " + c.cell().concurrency() + " x max request cost";
            } else if (c.cell().concurrency() == 1 && c.cell().maxTokens() != null && over > 0) {
                problem = "overshoot at concurrency 1 with max_tokens";
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
            row.put("verdict", problem == null ? (over > 0 ? "quantified" : "pass") : "fail");
            if (problem != null) {
                row.put("problem", problem);
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
        if (failed > 0) {
            return new CheckResult(
                    CheckName.OVERSHOOT,
                    Verdict.FAIL,
                    failed + " cell(s) failed; first: " + why,
                    e);
        }
        if (worst > 0) {
            return new CheckResult(
                    CheckName.OVERSHOOT,
                    Verdict.QUANTIFIED,
                    "overshoot within bounds, at most " + worst + " micro-Credits",
                    e);
        }
        return new CheckResult(CheckName.OVERSHOOT, Verdict.PASS, "no cell overshot its limit", e);
    }
}
