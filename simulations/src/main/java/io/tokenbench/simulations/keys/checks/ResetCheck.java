package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
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
public final class ResetCheck implements Check {
    /** Seconds after the boundary at which a late reset is looked for. */
    static final long[] LATE_PROBES_SECONDS = {1, 2, 5, 10, 20, 30, 60, 120, 300};

    private final MockAdmin admin;
    private final List<ResetCase> cases;

    /**
     * @param admin the mock's admin API (its clock)
     */
    public ResetCheck(MockAdmin admin, List<ResetCase> cases) {
        this.admin = admin;
        this.cases = List.copyOf(cases);
    }

    @Override
    public CheckName name() {
        return CheckName.RESET;
    }

    @Override
    public CheckResult run(Findings f) {
        VerifyContext ctx = f.ctx();
        Calibration calibration = f.calibration().orElseThrow();
        if (calibration.costMicroCredits() <= calibration.estimateNoMaxMicroCredits()) {
            return CheckResult.notChecked(
                    CheckName.RESET,
                    "one request costs no more than its estimate: cannot exhaust a key with it");
        }
        long limit = (calibration.estimateNoMaxMicroCredits() + calibration.costMicroCredits()) / 2;
        List<ResetEvidence.Row> rows = new ArrayList<>();
        for (ResetCase c : cases) {
            runCase(ctx, c, limit).forEach(o -> rows.add(ResetEvidence.Row.of(o)));
        }
        List<String> problems = new ArrayList<>();
        int notChecked = 0;
        for (ResetEvidence.Row row : rows) {
            if (row.verdict() == Verdict.NOT_CHECKED) {
                notChecked++;
            } else if (row.verdict() == Verdict.FAIL) {
                problems.add(
                        row.observed().caseName()
                                + "/"
                                + row.observed().reset()
                                + ": "
                                + row.problem());
            }
        }
        ResetEvidence.InFlight inFlight = InFlightAttribution.run(ctx, admin, calibration);
        if (inFlight.verdict() == Verdict.FAIL) {
            problems.add("in flight across the boundary: " + inFlight.problem());
        }
        ResetEvidence e = new ResetEvidence(rows, inFlight);
        if (!problems.isEmpty()) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.FAIL,
                    problems.size() + " reset(s) wrong; first: " + problems.get(0),
                    e);
        }
        if (notChecked == rows.size()) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.NOT_CHECKED,
                    "no key was refused before its boundary",
                    e);
        }
        return new CheckResult(
                CheckName.RESET,
                Verdict.PASS,
                (rows.size() - notChecked)
                        + " resets at the exact boundary, no carry-over, no double reset",
                e);
    }

    /** One case: a key per reset type, exhausted, then probed around the boundary. */
    private List<ResetEvidence.Observed> runCase(VerifyContext ctx, ResetCase c, long limit) {
        admin.setClock(c.createdAt());
        List<KeyHandle> keys = new ArrayList<>();
        for (String type : c.resetTypes()) {
            KeyHandle k = ctx.target().createKey(c.name() + "-" + type, limit, type, "none");
            keys.add(k);
            ctx.gateway().call(ctx.probe(), k.secret());
        }
        LedgerSettle.await(ctx, keys);
        int n = keys.size();
        MockAdmin.KeyView[] before = new MockAdmin.KeyView[n];
        for (int i = 0; i < n; i++) {
            before[i] = admin.key(keys.get(i).adminId());
        }
        admin.setClock(c.boundary().minusSeconds(2));
        long[] used2sBefore = new long[n];
        boolean[] refused2sBefore = new boolean[n];
        for (int i = 0; i < n; i++) {
            used2sBefore[i] = admin.key(keys.get(i).adminId()).usedInPeriodMicroCredits();
            refused2sBefore[i] = !ctx.gateway().call(ctx.probe(), keys.get(i).secret()).admitted();
        }
        admin.setClock(c.boundary());
        MockAdmin.KeyView[] atBoundary = new MockAdmin.KeyView[n];
        Long[] lagSeconds = new Long[n];
        for (int i = 0; i < n; i++) {
            // The ledger at the boundary, before any new request: a reset period starts at zero.
            atBoundary[i] = admin.key(keys.get(i).adminId());
            if (ctx.gateway().call(ctx.probe(), keys.get(i).secret()).admitted()) {
                lagSeconds[i] = 0L;
            }
        }
        for (long late : LATE_PROBES_SECONDS) {
            if (allReset(lagSeconds)) {
                break;
            }
            admin.setClock(c.boundary().plusSeconds(late));
            for (int i = 0; i < n; i++) {
                if (lagSeconds[i] == null
                        && ctx.gateway().call(ctx.probe(), keys.get(i).secret()).admitted()) {
                    lagSeconds[i] = late;
                }
            }
        }
        LedgerSettle.await(ctx, keys);
        Instant afterReset = admin.clock();
        admin.setClock(afterReset.plus(Duration.ofHours(1)));
        List<ResetEvidence.Observed> observed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long used1hLater = admin.key(keys.get(i).adminId()).usedInPeriodMicroCredits();
            boolean admittedLater =
                    ctx.gateway().call(ctx.probe(), keys.get(i).secret()).admitted();
            observed.add(
                    new ResetEvidence.Observed(
                            c.name(),
                            c.resetTypes().get(i),
                            c.boundary().toString(),
                            before[i].nextResetAt() == null
                                    ? null
                                    : before[i].nextResetAt().toString(),
                            before[i].remainingMicroCredits() != null
                                    && before[i].remainingMicroCredits() <= 0,
                            before[i].usedTotalMicroCredits(),
                            used2sBefore[i],
                            refused2sBefore[i],
                            atBoundary[i].usedInPeriodMicroCredits(),
                            atBoundary[i].usedTotalMicroCredits(),
                            used1hLater,
                            lagSeconds[i] != null && lagSeconds[i] == 0,
                            lagSeconds[i] == null
                                    ? null
                                    : c.boundary().plusSeconds(lagSeconds[i]).toString(),
                            lagSeconds[i],
                            !admittedLater,
                            LATE_PROBES_SECONDS[LATE_PROBES_SECONDS.length - 1]));
        }
        return observed;
    }

    private static boolean allReset(Long[] lagSeconds) {
        for (Long lag : lagSeconds) {
            if (lag == null) {
                return false;
            }
        }
        return true;
    }
}
