package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Evidence;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounting fidelity (key-limits.md item 6) per matrix key, after the ledger settled: what the
 * target shows of the key's ledger ({@link AccountingSource}: logs, ledger, usage statistics and
 * usage endpoint on the mock; the usage endpoint's increase live) against the client's usage x
 * price. The read view's propagation lag is reported as a figure (eventual consistency is measured,
 * not judged; a view that never catches up fails through the comparisons).
 */
public final class AccountingCheck implements Check {

    /** Evidence when keys were compared. */
    public record AccountingEvidence(
            String sources, List<KeyRow> keys, PropagationLag propagationLag) implements Evidence {}

    /** Evidence when no matrix cell ran. */
    public record NothingToCompare(String reason, PropagationLag propagationLag)
            implements Evidence {}

    /**
     * One key.
     *
     * @param settleMs the wait of this check's settle, -1 = never agreed
     * @param matrixSettleMs the wait after the matrix drives
     */
    public record KeyRow(
            String cell,
            long settleMs,
            long matrixSettleMs,
            @JsonProperty("client_usage_x_price_micro_credits") long clientUsageXPriceMicroCredits,
            @JsonUnwrapped AccountingSource.KeyAccount account,
            Verdict verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {}

    @Override
    public CheckName name() {
        return CheckName.ACCOUNTING;
    }

    @Override
    public CheckResult run(Findings f) {
        return run(f.ctx(), f.cells(), f.lag());
    }

    static CheckResult run(VerifyContext ctx, List<CellOutcome> cells, PropagationLag lag) {
        if (cells.isEmpty()) {
            String why = "no matrix cell was run";
            return new CheckResult(
                    CheckName.ACCOUNTING, Verdict.NOT_CHECKED, why, new NothingToCompare(why, lag));
        }
        // A key that did not settle within its deadline after the matrix is not waited for again
        // (it is judged on its last read; the wait would only double a faulty ledger's cost).
        List<KeyHandle> keys =
                cells.stream().filter(c -> c.settleWaitMs() >= 0).map(CellOutcome::key).toList();
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, LedgerSettle.Expect> expect = new HashMap<>();
        for (CellOutcome c : cells) {
            ids.put(c.key().label(), LedgerSettle.loggedIds(c.allCalls()));
            expect.put(
                    c.key().label(),
                    LedgerSettle.Expect.spent(ctx, c.baselineUsedMicroCredits(), c.allCalls()));
        }
        Map<String, Long> settleMs = LedgerSettle.await(ctx, keys, ids, expect);
        AccountingSource source = ctx.target().accounting();
        List<KeyRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CellOutcome c : cells) {
            long settled = settleMs.getOrDefault(c.key().label(), -1L);
            long client = 0;
            int priced = 0;
            for (CallResult r : c.allCalls()) {
                if (r.admitted() && r.hasUsage()) {
                    client += ctx.price().costMicroCredits(r.promptTokens(), r.completionTokens());
                    priced++;
                }
            }
            AccountingSource.KeyAccount account = source.account(ctx, c, client, priced, settled);
            String problem = account.problem();
            rows.add(
                    new KeyRow(
                            c.cell().id(),
                            settled,
                            c.settleWaitMs(),
                            client,
                            account,
                            Verdict.passUnless(problem),
                            problem));
            if (problem != null) {
                problems.add(c.cell().id() + ": " + problem);
            }
        }
        AccountingEvidence e = new AccountingEvidence(source.sources(), rows, lag);
        return problems.isEmpty()
                ? new CheckResult(
                        CheckName.ACCOUNTING,
                        Verdict.PASS,
                        source.agreement() + cells.size() + " keys; " + lag.summary(),
                        e)
                : new CheckResult(
                        CheckName.ACCOUNTING,
                        Verdict.FAIL,
                        problems.size() + " key(s) disagree; first: " + problems.get(0),
                        e);
    }
}
