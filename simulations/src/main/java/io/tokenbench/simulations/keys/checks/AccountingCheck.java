package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounting fidelity (key-limits.md item 6) per matrix key, after the ledger settled: the sum of
 * usage x price the client saw equals the log rows of those requests (within one micro-Credit of
 * rounding per request); the ledger's {@code used_total} equals the sum of all log rows; {@code
 * used_in_period} equals {@code used_total} (these keys never reset); the usage statistics and the
 * usage endpoint agree with them; every request the client sent has a log row. Against a live
 * gateway only the usage endpoint's increase can be compared with the client's sum.
 */
public final class AccountingCheck {
    private AccountingCheck() {}

    public static CheckResult run(VerifyContext ctx, List<CellOutcome> cells) {
        return run(ctx, cells, PropagationLag.notMeasured("not asked for"));
    }

    /**
     * @param lag the read view's propagation lag, reported as a figure (eventual consistency is
     *     measured, not judged; a view that never catches up fails through the comparisons)
     */
    public static CheckResult run(VerifyContext ctx, List<CellOutcome> cells, PropagationLag lag) {
        if (cells.isEmpty()) {
            CheckResult r = CheckResult.notChecked(CheckName.ACCOUNTING, "no matrix cell was run");
            r.evidence().set("propagation_lag", lag.toJson());
            return r;
        }
        // A key that did not settle within its deadline after the matrix is not waited for again
        // (it is judged on its last read; the wait would only double a faulty ledger's cost).
        List<KeyHandle> keys =
                cells.stream().filter(c -> c.settleWaitMs() >= 0).map(CellOutcome::key).toList();
        Map<String, java.util.Set<String>> ids = new HashMap<>();
        Map<String, LedgerSettle.Expect> expect = new HashMap<>();
        for (CellOutcome c : cells) {
            ids.put(c.key().label(), LedgerSettle.loggedIds(c.allCalls()));
            expect.put(
                    c.key().label(),
                    LedgerSettle.Expect.spent(ctx, c.baselineUsedMicroCredits(), c.allCalls()));
        }
        Map<String, Long> settleMs = LedgerSettle.await(ctx, keys, ids, expect);
        ArrayNode rows = Evidence.array();
        List<String> problems = new ArrayList<>();
        for (CellOutcome c : cells) {
            ObjectNode row = rows.addObject();
            row.put("cell", c.cell().id());
            row.put("settle_ms", settleMs.getOrDefault(c.key().label(), -1L));
            row.put("matrix_settle_ms", c.settleWaitMs());
            long client = 0;
            int priced = 0;
            for (CallResult r : c.allCalls()) {
                if (r.admitted() && r.hasUsage()) {
                    client += ctx.price().costMicroCredits(r.promptTokens(), r.completionTokens());
                    priced++;
                }
            }
            row.put("client_usage_x_price_micro_credits", client);
            String problem =
                    ctx.mock()
                            ? mock(ctx, c, client, priced, row)
                            : live(
                                    ctx,
                                    c,
                                    client,
                                    priced,
                                    row,
                                    settleMs.getOrDefault(c.key().label(), -1L));
            row.put("verdict", problem == null ? "pass" : "fail");
            if (problem != null) {
                row.put("problem", problem);
                problems.add(c.cell().id() + ": " + problem);
            }
        }
        ObjectNode e = Evidence.object();
        e.put(
                "sources",
                ctx.mock()
                        ? "client usage x price, /admin/logs, /admin/keys, /admin/usage, /api/usage/token/"
                        : "client usage x price, /api/usage/token/ (no logs or usage statistics on a live gateway)");
        e.set("keys", rows);
        e.set("propagation_lag", lag.toJson());
        String agree =
                ctx.mock()
                        ? "usage x price, ledger, logs and usage agree for "
                        : "usage x price and the usage endpoint agree (no logs read live) for ";
        return problems.isEmpty()
                ? new CheckResult(
                        CheckName.ACCOUNTING,
                        Verdict.PASS,
                        agree + cells.size() + " keys; " + lag.summary(),
                        e)
                : new CheckResult(
                        CheckName.ACCOUNTING,
                        Verdict.FAIL,
                        problems.size() + " key(s) disagree; first: " + problems.get(0),
                        e);
    }

    private static String mock(
            VerifyContext ctx, CellOutcome c, long client, int priced, ObjectNode row) {
        long id = c.key().adminId();
        List<MockAdmin.LogRow> logs = ctx.admin().logs(id);
        Map<String, MockAdmin.LogRow> byRequest = new HashMap<>();
        logs.forEach(l -> byRequest.put(l.requestId(), l));
        long logsForClient = 0;
        int missing = 0;
        for (CallResult r : c.allCalls()) {
            MockAdmin.LogRow l = r.requestId() == null ? null : byRequest.get(r.requestId());
            if (l == null && (r.admitted() || r.rejected())) {
                missing++;
            } else if (l != null && r.admitted() && r.hasUsage()) {
                logsForClient += l.microCredits();
            }
        }
        long logsTotal = logs.stream().mapToLong(MockAdmin.LogRow::microCredits).sum();
        MockAdmin.KeyView v = ctx.admin().key(id);
        Long stats = ctx.admin().usageStatsMicroCredits(id);
        long endpoint = ctx.usage().read(c.key().secret()).usedMicroCredits();
        row.put("logs_of_client_requests_micro_credits", logsForClient);
        row.put("logs_total_micro_credits", logsTotal);
        row.put("ledger_used_total_micro_credits", v.usedTotalMicroCredits());
        row.put("ledger_used_in_period_micro_credits", v.usedInPeriodMicroCredits());
        row.put("usage_stats_micro_credits", stats);
        row.put("usage_endpoint_micro_credits", endpoint);
        row.put("requests_without_log_row", missing);
        row.put("ledger_minus_logs_micro_credits", v.usedTotalMicroCredits() - logsTotal);
        if (Math.abs(client - logsForClient) > priced) {
            return "logs charge "
                    + logsForClient
                    + " for requests whose usage x price is "
                    + client;
        }
        if (v.usedTotalMicroCredits() != logsTotal) {
            return "ledger used_total "
                    + v.usedTotalMicroCredits()
                    + " != sum of log rows "
                    + logsTotal;
        }
        if (v.usedInPeriodMicroCredits() != v.usedTotalMicroCredits()) {
            return "used_in_period "
                    + v.usedInPeriodMicroCredits()
                    + " != used_total "
                    + v.usedTotalMicroCredits();
        }
        if (stats == null || stats != logsTotal) {
            return "usage statistics " + stats + " != sum of log rows " + logsTotal;
        }
        if (endpoint != v.usedInPeriodMicroCredits()) {
            return "usage endpoint "
                    + endpoint
                    + " != used_in_period "
                    + v.usedInPeriodMicroCredits();
        }
        if (missing > 0) {
            return missing + " request(s) without a log row";
        }
        return null;
    }

    private static String live(
            VerifyContext ctx,
            CellOutcome c,
            long client,
            int priced,
            ObjectNode row,
            long settleMs) {
        long endpoint = ctx.ledger(c.key()).usedInPeriodMicroCredits();
        long increase = endpoint - c.baselineUsedMicroCredits();
        row.put("baseline_micro_credits", c.baselineUsedMicroCredits());
        row.put("usage_endpoint_micro_credits", endpoint);
        row.put("usage_endpoint_increase_micro_credits", increase);
        row.put("tolerance_micro_credits", priced);
        return Math.abs(increase - client) > priced
                ? "usage endpoint grew by "
                        + increase
                        + " for requests whose usage x price is "
                        + client
                        + (settleMs < 0
                                ? " (not settled within --settle-timeout: the ledger never caught"
                                        + " up)"
                                : "")
                : null;
    }
}
