package io.tokenbench.simulations.keys.checks;

/**
 * What the accounting check can read of a key's ledger and how it compares it with the client's
 * usage x price: the mock's logs, ledger, usage statistics and usage endpoint ({@link
 * MockAccounting}), or a live gateway's usage endpoint only ({@link LiveAccounting}).
 */
public interface AccountingSource {

    /** The sources compared, for the evidence. */
    String sources();

    /** The start of the pass summary: what agreed. */
    String agreement();

    /**
     * Reads the settled key of {@code cell} and compares it.
     *
     * @param clientMicroCredits Σ usage x price of the cell's admitted calls
     * @param priced how many calls that sum has (the rounding tolerance, 1 micro-Credit each)
     * @param settleMs this key's settle wait, -1 when it did not settle
     */
    KeyAccount account(
            VerifyContext ctx,
            CellOutcome cell,
            long clientMicroCredits,
            int priced,
            long settleMs);

    /** One key's figures as read; {@link #problem()} is null when they agree. */
    interface KeyAccount {
        String problem();
    }
}
