/**
 * Money: integer micro-Credits ({@link io.tokenbench.mock.billing.Credits}), request costs from
 * catalog prices ({@link io.tokenbench.mock.billing.CostCalculator}) with a {@link
 * io.tokenbench.mock.billing.Rounding} rule, cancel billing, posting reservations and settlements
 * to a key's ledger ({@link io.tokenbench.mock.billing.Ledger}), deferred postings (the {@code
 * batch_write_ms} fault), and the usage log and stats the platform shows. Lock-free on the request
 * path.
 */
package io.tokenbench.mock.billing;
