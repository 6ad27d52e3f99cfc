package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Accounting on a live gateway: only the usage endpoint's increase over the key's baseline can be
 * compared with the client's usage x price (no logs or usage statistics live).
 */
final class LiveAccounting implements AccountingSource {

    /**
     * @param toleranceMicroCredits one micro-Credit of rounding per priced request
     */
    record Account(
            long baselineMicroCredits,
            long usageEndpointMicroCredits,
            long usageEndpointIncreaseMicroCredits,
            long toleranceMicroCredits,
            @JsonIgnore long clientMicroCredits,
            @JsonIgnore long settleMs)
            implements KeyAccount {

        @Override
        public String problem() {
            return Math.abs(usageEndpointIncreaseMicroCredits - clientMicroCredits)
                            > toleranceMicroCredits
                    ? "usage endpoint grew by "
                            + usageEndpointIncreaseMicroCredits
                            + " for requests whose usage x price is "
                            + clientMicroCredits
                            + (settleMs < 0
                                    ? " (not settled within --settle-timeout: the ledger never"
                                            + " caught up)"
                                    : "")
                    : null;
        }
    }

    @Override
    public String sources() {
        return "client usage x price, /api/usage/token/ (no logs or usage statistics on a live"
                + " gateway)";
    }

    @Override
    public String agreement() {
        return "usage x price and the usage endpoint agree (no logs read live) for ";
    }

    @Override
    public KeyAccount account(
            VerifyContext ctx, CellOutcome c, long client, int priced, long settleMs) {
        long endpoint = ctx.ledger(c.key()).usedInPeriodMicroCredits();
        return new Account(
                c.baselineUsedMicroCredits(),
                endpoint,
                endpoint - c.baselineUsedMicroCredits(),
                priced,
                client,
                settleMs);
    }
}
