package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The limit matrix: every concurrency x {json, stream} x {max_tokens, none}, one fresh key per cell
 * (the mock) or one of the user's keys per cell in that order (live; cells without a key are not
 * run and listed in {@link Result#notRun()}). All drives first, then a settle wait per key (each
 * with its own {@code --settle-timeout}), then per cell the settled ledger and, where it shows
 * remaining <= 0, the leak probes.
 */
public final class LimitMatrix {

    /**
     * The outcomes and the cells that could not be run (live gateway without enough keys).
     *
     * @param calibration the mock's; empty live
     */
    public record Result(
            List<CellOutcome> outcomes, List<Cell> notRun, Optional<Calibration> calibration) {

        public Result {
            outcomes = List.copyOf(outcomes);
            notRun = List.copyOf(notRun);
        }
    }

    private final VerifyContext ctx;

    public LimitMatrix(VerifyContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Per concurrency level: JSON with max_tokens, stream without, JSON without, stream with.
     * Against a live gateway with few keys the first cells therefore mix streaming and max_tokens.
     */
    public static List<Cell> cells(VerifySettings s) {
        List<Cell> cells = new ArrayList<>();
        for (int c : s.concurrencies()) {
            cells.add(new Cell(c, false, s.maxTokens()));
            cells.add(new Cell(c, true, null));
            cells.add(new Cell(c, false, null));
            cells.add(new Cell(c, true, s.maxTokens()));
        }
        return cells;
    }

    public Result run() {
        Optional<Calibration> calibration = ctx.target().calibrate(ctx);
        List<Cell> all = cells(ctx.settings());
        Map<Cell, KeyHandle> keys = ctx.target().matrixKeys(all, calibration);
        List<Cell> notRun = all.stream().filter(c -> !keys.containsKey(c)).toList();
        Map<Cell, Long> baseline = new LinkedHashMap<>();
        keys.forEach((cell, key) -> baseline.put(cell, ctx.baselineUsedMicroCredits(key)));
        Map<Cell, DriveResult> drives = new LinkedHashMap<>();
        LimitDrive drive = new LimitDrive(ctx);
        keys.forEach(
                (cell, key) ->
                        drives.put(
                                cell,
                                drive.run(
                                        key, cell.concurrency(), probe(cell), baseline.get(cell))));
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        Map<String, LedgerSettle.Expect> expect = new LinkedHashMap<>();
        keys.forEach(
                (cell, key) -> {
                    DriveResult d = drives.get(cell);
                    ids.put(key.label(), LedgerSettle.loggedIds(d.calls()));
                    expect.put(
                            key.label(),
                            LedgerSettle.Expect.spent(ctx, baseline.get(cell), d.calls()));
                });
        Map<String, Long> wait = LedgerSettle.await(ctx, keys.values(), ids, expect);
        List<CellOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<Cell, KeyHandle> e : keys.entrySet()) {
            outcomes.add(
                    outcome(
                            e.getKey(),
                            e.getValue(),
                            drives.get(e.getKey()),
                            baseline.get(e.getKey()),
                            wait.get(e.getValue().label())));
        }
        return new Result(outcomes, notRun, calibration);
    }

    private ChatProbe probe(Cell cell) {
        return ctx.probe().withStream(cell.stream()).withMaxTokens(cell.maxTokens());
    }

    private CellOutcome outcome(
            Cell cell, KeyHandle key, DriveResult d, long baselineMicroCredits, long settleWaitMs) {
        VerifyContext.LedgerView ledger = ctx.ledger(key);
        long limit = key.limitMicroCredits() == null ? 0 : key.limitMicroCredits();
        long prompt = d.promptTokens();
        long estimate =
                prompt < 0 ? -1 : ctx.price().estimateMicroCredits(prompt, cell.maxTokens());
        List<CallResult> probes = new ArrayList<>();
        int sent = 0;
        int admitted = 0;
        Long ttfr = null;
        if (d.ledgerExhaustedAtNanos() != null && d.firstRejection() != null) {
            ttfr = d.firstRejection().doneNanos() - d.ledgerExhaustedAtNanos();
        }
        if (ledger.exhausted()) {
            for (int i = 0; i < ctx.settings().leakProbes(); i++) {
                CallResult r =
                        ctx.gateway()
                                .call(ctx.probe().withMaxTokens(cell.maxTokens()), key.secret());
                sent++;
                probes.add(r);
                if (r.admitted()) {
                    admitted++;
                } else if (r.rejected() && ttfr == null) {
                    ttfr = r.doneNanos() - ledger.readAtNanos();
                }
            }
        }
        return new CellOutcome(
                cell,
                key,
                limit,
                d,
                baselineMicroCredits,
                ledger.usedInPeriodMicroCredits(),
                settleWaitMs >= 0,
                estimate,
                sent,
                admitted,
                ttfr,
                probes,
                settleWaitMs,
                ledger.remainingMicroCredits());
    }
}
