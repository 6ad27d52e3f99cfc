package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounting on the mock: the log rows of the client's requests equal their usage x price (one
 * micro-Credit of rounding per request), {@code used_total} equals the sum of all log rows, {@code
 * used_in_period} equals {@code used_total} (these keys never reset), the usage statistics and the
 * usage endpoint agree with them, every request the client sent has a log row.
 */
final class MockAccounting implements AccountingSource {
    private final MockAdmin admin;

    MockAccounting(MockAdmin admin) {
        this.admin = admin;
    }

    /**
     * @param usageStatsMicroCredits null when {@code /admin/usage} has no row for the key
     */
    record Account(
            long logsOfClientRequestsMicroCredits,
            long logsTotalMicroCredits,
            long ledgerUsedTotalMicroCredits,
            long ledgerUsedInPeriodMicroCredits,
            Long usageStatsMicroCredits,
            long usageEndpointMicroCredits,
            int requestsWithoutLogRow,
            long ledgerMinusLogsMicroCredits,
            @JsonIgnore long clientMicroCredits,
            @JsonIgnore int priced)
            implements KeyAccount {

        @Override
        public String problem() {
            if (Math.abs(clientMicroCredits - logsOfClientRequestsMicroCredits) > priced) {
                return "logs charge "
                        + logsOfClientRequestsMicroCredits
                        + " for requests whose usage x price is "
                        + clientMicroCredits;
            }
            if (ledgerUsedTotalMicroCredits != logsTotalMicroCredits) {
                return "ledger used_total "
                        + ledgerUsedTotalMicroCredits
                        + " != sum of log rows "
                        + logsTotalMicroCredits;
            }
            if (ledgerUsedInPeriodMicroCredits != ledgerUsedTotalMicroCredits) {
                return "used_in_period "
                        + ledgerUsedInPeriodMicroCredits
                        + " != used_total "
                        + ledgerUsedTotalMicroCredits;
            }
            if (usageStatsMicroCredits == null || usageStatsMicroCredits != logsTotalMicroCredits) {
                return "usage statistics "
                        + usageStatsMicroCredits
                        + " != sum of log rows "
                        + logsTotalMicroCredits;
            }
            if (usageEndpointMicroCredits != ledgerUsedInPeriodMicroCredits) {
                return "usage endpoint "
                        + usageEndpointMicroCredits
                        + " != used_in_period "
                        + ledgerUsedInPeriodMicroCredits;
            }
            if (requestsWithoutLogRow > 0) {
                return requestsWithoutLogRow + " request(s) without a log row";
            }
            return null;
        }
    }

    @Override
    public String sources() {
        return "client usage x price, /admin/logs, /admin/keys, /admin/usage, /api/usage/token/";
    }

    @Override
    public String agreement() {
        return "usage x price, ledger, logs and usage agree for ";
    }

    @Override
    public KeyAccount account(
            VerifyContext ctx, CellOutcome c, long client, int priced, long settleMs) {
        long id = c.key().adminId();
        List<MockAdmin.LogRow> logs = admin.logs(id);
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
        MockAdmin.KeyView v = admin.key(id);
        Long stats = admin.usageStatsMicroCredits(id);
        long endpoint = ctx.usage().read(c.key().secret()).usedMicroCredits();
        return new Account(
                logsForClient,
                logsTotal,
                v.usedTotalMicroCredits(),
                v.usedInPeriodMicroCredits(),
                stats,
                endpoint,
                missing,
                v.usedTotalMicroCredits() - logsTotal,
                client,
                priced);
    }
}
