/**
 * The seam between the HTTP layer and key enforcement: every {@code /v1/*} request is admitted by a
 * {@link io.tokenbench.mock.gate.RequestGate} before any upstream work, and settled once when it
 * ends. The foundation ships a gate with unlimited static keys; the keys/Credits packages provide
 * the faithful PowerTokens gate. Nothing here knows Netty.
 *
 * <p>{@link io.tokenbench.mock.gate.StaticKeyGate} is the default gate ({@code
 * MockConfig.apiKeys()}): it answers a missing or unknown key with 401 {@code invalid_api_key}
 * itself, so a gate decides the style of its own authentication errors. Unbilled routes ({@code GET
 * /v1/models}, {@code GET /v1/models/{id}}) are admitted too, with {@code model} null for the list
 * (the id for one model), {@code promptTokens} 0 and no {@code max_tokens}; they settle {@code
 * COMPLETED} with {@link io.tokenbench.mock.gate.Settlement.Usage#NONE}.
 */
package io.tokenbench.mock.gate;
