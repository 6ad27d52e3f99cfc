/**
 * Traffic and judgement. {@link io.tokenbench.simulations.keys.checks.LimitDrive} drives one key to
 * its limit at a concurrency; {@link io.tokenbench.simulations.keys.checks.LimitMatrix} runs the
 * matrix of concurrency x streaming x max_tokens and yields {@link
 * io.tokenbench.simulations.keys.checks.CellOutcome}s. {@link
 * io.tokenbench.simulations.keys.checks.KeysVerifier} gathers that shared traffic into {@link
 * io.tokenbench.simulations.keys.checks.Findings} and runs every {@link
 * io.tokenbench.simulations.keys.checks.Check}: the pure evaluators ({@code OvershootCheck}, {@code
 * LeakCheck}, {@code FalseRejectionCheck}), the ledger checks ({@code AccountingCheck}, {@code
 * RefundCheck}, {@code CancelBillingCheck}, {@code ErrorContractCheck}) and the clock-driven checks
 * ({@code ResetCheck} or {@code LiveResetCheck}, {@code ExpiryCheck}). What differs between the
 * mock and a live gateway is behind {@link io.tokenbench.simulations.keys.checks.Target} ({@code
 * MockTarget}, {@code LiveTarget}); {@link io.tokenbench.simulations.keys.checks.VerifyContext} is
 * what the checks share.
 */
package io.tokenbench.simulations.keys.checks;
