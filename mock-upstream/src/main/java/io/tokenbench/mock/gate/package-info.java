/**
 * The seam between the HTTP layer and key enforcement: every {@code /v1/*} request is admitted by a
 * {@link io.tokenbench.mock.gate.RequestGate} before any upstream work, and settled once when it ends.
 * The foundation ships a gate with unlimited static keys; the keys/Credits packages provide the
 * faithful PowerTokens gate. Nothing here knows Netty.
 */
package io.tokenbench.mock.gate;
