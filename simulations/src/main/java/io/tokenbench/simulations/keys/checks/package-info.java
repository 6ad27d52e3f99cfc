/**
 * Traffic and judgement. {@link io.tokenbench.simulations.keys.checks.LimitDrive} drives one key to
 * its limit at a concurrency; {@link io.tokenbench.simulations.keys.checks.LimitMatrix} runs the
 * matrix of concurrency x streaming x max_tokens and yields {@link
 * io.tokenbench.simulations.keys.checks.CellOutcome}s, which the pure evaluators ({@code
 * OvershootCheck}, {@code LeakCheck}, {@code FalseRejectionCheck}) judge. The clock-driven checks
 * ({@code ResetCheck}, {@code ExpiryCheck}) and the ledger checks ({@code AccountingCheck}, {@code
 * RefundCheck}, {@code CancelBillingCheck}, {@code ErrorContractCheck}) run their own small
 * scenarios. {@link io.tokenbench.simulations.keys.checks.VerifyContext} is what they share.
 */
package io.tokenbench.simulations.keys.checks;
