package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import java.util.ArrayList;
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
public final class OvershootCheck implements Check {

    @Override
    public CheckName name() {
        return CheckName.OVERSHOOT;
    }

    @Override
    public CheckResult run(Findings f) {
        List<Cell> notRun = f.matrix().notRun();
        int total = f.cells().size() + notRun.size();
        return evaluate(f.cells(), notRun, f.ctx().target().whyNoKey(total));
    }

    public static CheckResult evaluate(List<CellOutcome> cells) {
        return evaluate(cells, List.of(), "");
    }

    /**
     * @param notRun cells of the matrix that were not run
     * @param whyNotRun why (e.g. "no key: 3 --key-env keys for 16 cells")
     */
    public static CheckResult evaluate(
            List<CellOutcome> cells, List<Cell> notRun, String whyNotRun) {
        List<OvershootEvidence.NotRun> notRunRows = new ArrayList<>();
        for (Cell c : notRun) {
            notRunRows.add(new OvershootEvidence.NotRun(c.id(), Verdict.NOT_CHECKED, whyNotRun));
        }
        int total = cells.size() + notRun.size();
        if (cells.isEmpty()) {
            String why = "no matrix cell was run" + (whyNotRun.isEmpty() ? "" : ": " + whyNotRun);
            return new CheckResult(
                    CheckName.OVERSHOOT,
                    Verdict.NOT_CHECKED,
                    why,
                    new OvershootEvidence(
                            null,
                            null,
                            new OvershootEvidence.Coverage(total, 0, 0, notRun.size()),
                            notRunRows,
                            why));
        }
        List<OvershootEvidence.CellRow> rows = new ArrayList<>();
        int stoppedEarly = 0;
        TreeMap<Integer, OvershootEvidence.ByConcurrency> byConcurrency = new TreeMap<>();
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
            rows.add(row(c, over, bound, problem, early));
            OvershootEvidence.ByConcurrency agg = byConcurrency.get(c.cell().concurrency());
            if (agg == null || over >= agg.maxOvershootMicroCredits()) {
                byConcurrency.put(
                        c.cell().concurrency(),
                        new OvershootEvidence.ByConcurrency(
                                c.cell().concurrency(),
                                over,
                                Figures.share(over, c.limitMicroCredits())));
            }
        }
        int checked = cells.size() - stoppedEarly;
        String scope = coverageNote(total, checked, stoppedEarly, notRun.size());
        String reason =
                checked == 0 && failed == 0 && worst == 0
                        ? "every cell stopped before its limit" + scope
                        : null;
        OvershootEvidence e =
                new OvershootEvidence(
                        List.copyOf(byConcurrency.values()),
                        rows,
                        new OvershootEvidence.Coverage(total, checked, stoppedEarly, notRun.size()),
                        notRunRows,
                        reason);
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
        if (reason != null) {
            return new CheckResult(CheckName.OVERSHOOT, Verdict.NOT_CHECKED, reason, e);
        }
        return new CheckResult(
                CheckName.OVERSHOOT, Verdict.PASS, "no cell overshot its limit" + scope, e);
    }

    private static OvershootEvidence.CellRow row(
            CellOutcome c, long over, long bound, String problem, boolean early) {
        long maxCost = c.drive().maxCostMicroCredits();
        Verdict verdict =
                problem != null
                        ? Verdict.FAIL
                        : early
                                ? Verdict.NOT_CHECKED
                                : over > 0 ? Verdict.QUANTIFIED : Verdict.PASS;
        return new OvershootEvidence.CellRow(
                c.cell().id(),
                c.cell().concurrency(),
                c.cell().stream(),
                c.cell().maxTokens(),
                c.limitMicroCredits(),
                c.chargedMicroCredits(),
                c.drive().clientSpentMicroCredits(),
                over,
                Figures.share(over, c.limitMicroCredits()),
                Figures.share(over, maxCost),
                bound,
                maxCost,
                c.estimateMicroCredits(),
                c.drive().admitted(),
                c.drive().rejected(),
                c.drive().errors(),
                c.drive().runaway(),
                c.settled(),
                c.settleWaitMs(),
                verdict,
                problem,
                early ? Math.round(c.usedShareOfLimit() * 10_000) / 10_000.0 : null,
                early
                        ? "stopped by a refusal at "
                                + Math.round(c.usedShareOfLimit() * 100)
                                + " % of the limit with room for "
                                + c.settledRemainingMicroCredits() / Math.max(1, maxCost)
                                + " more request(s): proves the gateway refuses when its"
                                + " pre-consume estimate exceeds the remaining Credits; says"
                                + " nothing about overshoot at the limit"
                        : null);
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
