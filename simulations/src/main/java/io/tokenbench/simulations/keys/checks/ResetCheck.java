package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reset correctness on the mock (key-limits.md item 4): for each {@link ResetCase} and reset type,
 * a key exhausted by one request must show the boundary as {@code next_reset_at}, be refused 2 s
 * before the boundary, be admitted at the boundary itself (the instant belongs to the new period),
 * start the new period at zero (no carry-over) with {@code used_total} untouched, and, exhausted
 * again, stay refused an hour later (no double reset). A key not admitted at the boundary is probed
 * at later instants to measure how late its reset came. Then {@link InFlightAttribution}: a stream
 * crossing a boundary is charged to the period of settlement.
 */
public final class ResetCheck {
    /** Seconds after the boundary at which a late reset is looked for. */
    static final long[] LATE_PROBES_SECONDS = {1, 2, 5, 10, 20, 30, 60, 120, 300};

    private final VerifyContext ctx;
    private final Calibration calibration;

    public ResetCheck(VerifyContext ctx, Calibration calibration) {
        this.ctx = ctx;
        this.calibration = calibration;
    }

    public CheckResult run(List<ResetCase> cases) {
        if (!ctx.mock()) {
            return CheckResult.notChecked(
                    CheckName.RESET,
                    "needs the mock's clock; against a live gateway use --wait-for-reset");
        }
        if (calibration.costMicroCredits() <= calibration.estimateNoMaxMicroCredits()) {
            return CheckResult.notChecked(
                    CheckName.RESET,
                    "one request costs no more than its estimate: cannot exhaust a key with it");
        }
        long limit = (calibration.estimateNoMaxMicroCredits() + calibration.costMicroCredits()) / 2;
        ArrayNode rows = Evidence.array();
        List<String> problems = new ArrayList<>();
        int unobservable = 0;
        for (ResetCase c : cases) {
            ctx.admin().setClock(c.createdAt());
            List<KeyHandle> keys = new ArrayList<>();
            for (String type : c.resetTypes()) {
                KeyHandle k = ctx.createKey(c.name() + "-" + type, limit, type, "none");
                keys.add(k);
                ctx.gateway().call(ctx.probe(), k.secret());
            }
            LedgerSettle.await(ctx, keys);
            List<ObjectNode> caseRows = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                MockAdmin.KeyView v = ctx.admin().key(keys.get(i).adminId());
                ObjectNode row = rows.addObject();
                row.put("case", c.name());
                row.put("reset", c.resetTypes().get(i));
                row.put("expected_reset_at", c.boundary().toString());
                row.put(
                        "next_reset_at",
                        v.nextResetAt() == null ? null : v.nextResetAt().toString());
                row.put(
                        "exhausted_before",
                        v.remainingMicroCredits() != null && v.remainingMicroCredits() <= 0);
                row.put("used_total_before_micro_credits", v.usedTotalMicroCredits());
                caseRows.add(row);
            }
            ctx.admin().setClock(c.boundary().minusSeconds(2));
            for (int i = 0; i < keys.size(); i++) {
                caseRows.get(i)
                        .put(
                                "used_in_period_2s_before_micro_credits",
                                ctx.admin().key(keys.get(i).adminId()).usedInPeriodMicroCredits());
                caseRows.get(i)
                        .put(
                                "refused_2s_before",
                                !ctx.gateway().call(ctx.probe(), keys.get(i).secret()).admitted());
            }
            ctx.admin().setClock(c.boundary());
            long[] observedLagSeconds = new long[keys.size()];
            boolean[] reset = new boolean[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                // The ledger at the boundary, before any new request: a reset period starts at
                // zero.
                MockAdmin.KeyView atBoundary = ctx.admin().key(keys.get(i).adminId());
                caseRows.get(i)
                        .put(
                                "used_in_period_at_boundary_micro_credits",
                                atBoundary.usedInPeriodMicroCredits());
                caseRows.get(i)
                        .put(
                                "used_total_at_boundary_micro_credits",
                                atBoundary.usedTotalMicroCredits());
                reset[i] = ctx.gateway().call(ctx.probe(), keys.get(i).secret()).admitted();
            }
            for (long late : LATE_PROBES_SECONDS) {
                if (allTrue(reset)) {
                    break;
                }
                ctx.admin().setClock(c.boundary().plusSeconds(late));
                for (int i = 0; i < keys.size(); i++) {
                    if (!reset[i]
                            && ctx.gateway().call(ctx.probe(), keys.get(i).secret()).admitted()) {
                        reset[i] = true;
                        observedLagSeconds[i] = late;
                    }
                }
            }
            LedgerSettle.await(ctx, keys);
            Instant afterReset = ctx.admin().clock();
            ctx.admin().setClock(afterReset.plus(Duration.ofHours(1)));
            for (int i = 0; i < keys.size(); i++) {
                ObjectNode row = caseRows.get(i);
                row.put(
                        "used_in_period_1h_later_micro_credits",
                        ctx.admin().key(keys.get(i).adminId()).usedInPeriodMicroCredits());
                CallResult later = ctx.gateway().call(ctx.probe(), keys.get(i).secret());
                row.put("admitted_at_boundary", reset[i] && observedLagSeconds[i] == 0);
                row.put(
                        "observed_reset_at",
                        reset[i]
                                ? c.boundary().plusSeconds(observedLagSeconds[i]).toString()
                                : null);
                row.put("observed_lag_seconds", reset[i] ? observedLagSeconds[i] : null);
                row.put("refused_1h_later", !later.admitted());
                String problem = judge(row, reset[i], observedLagSeconds[i], later);
                if ("unobservable".equals(problem)) {
                    unobservable++;
                    row.put("verdict", "not_checked");
                    row.put(
                            "problem",
                            "the key was not refused before the boundary: the limit is not enforced");
                } else {
                    row.put("verdict", problem == null ? "pass" : "fail");
                    if (problem != null) {
                        row.put("problem", problem);
                        problems.add(c.name() + "/" + c.resetTypes().get(i) + ": " + problem);
                    }
                }
            }
        }
        ObjectNode inFlight = InFlightAttribution.run(ctx, calibration);
        if (inFlight.get("verdict").asText().equals("fail")) {
            problems.add("in flight across the boundary: " + inFlight.get("problem").asText());
        }
        ObjectNode e = Evidence.object();
        e.set("cases", rows);
        e.set("in_flight", inFlight);
        if (!problems.isEmpty()) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.FAIL,
                    problems.size() + " reset(s) wrong; first: " + problems.get(0),
                    e);
        }
        if (unobservable == rows.size()) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.NOT_CHECKED,
                    "no key was refused before its boundary",
                    e);
        }
        return new CheckResult(
                CheckName.RESET,
                Verdict.PASS,
                (rows.size() - unobservable)
                        + " resets at the exact boundary, no carry-over, no double reset",
                e);
    }

    private static String judge(ObjectNode row, boolean reset, long lagSeconds, CallResult later) {
        if (!row.get("refused_2s_before").asBoolean()) {
            // A period already at zero 2 s before the boundary was reset early; otherwise the limit
            // is not enforced.
            return row.get("used_in_period_2s_before_micro_credits").asLong() == 0
                    ? "reset early: the period was already reset 2 s before the boundary"
                    : "unobservable";
        }
        if (!reset) {
            return "no reset within "
                    + LATE_PROBES_SECONDS[LATE_PROBES_SECONDS.length - 1]
                    + " s after the boundary";
        }
        if (lagSeconds > 0) {
            return "reset late: first admitted " + lagSeconds + " s after the boundary";
        }
        long carried = row.get("used_in_period_at_boundary_micro_credits").asLong();
        if (carried != 0) {
            return "new period starts with " + carried + " micro-Credits carried over";
        }
        if (row.get("used_total_at_boundary_micro_credits").asLong()
                != row.get("used_total_before_micro_credits").asLong()) {
            return "the reset changed used_total";
        }
        if (later.admitted()) {
            return "admitted again 1 h after the reset although exhausted: double reset";
        }
        String next = row.get("next_reset_at").isNull() ? null : row.get("next_reset_at").asText();
        if (!row.get("expected_reset_at").asText().equals(next)) {
            return "next_reset_at " + next + ", expected " + row.get("expected_reset_at").asText();
        }
        return null;
    }

    private static boolean allTrue(boolean[] b) {
        for (boolean x : b) {
            if (!x) {
                return false;
            }
        }
        return true;
    }
}
