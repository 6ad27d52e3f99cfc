/**
 * What the non-chat endpoints (embeddings, images, audio, video) share: the {@link
 * io.tokenbench.mock.media.MediaContext} they are built with, strict JSON body access ({@link
 * io.tokenbench.mock.media.JsonBody}), and {@link io.tokenbench.mock.media.BilledCall}, which
 * admits a request through the {@link io.tokenbench.mock.gate.RequestGate} before any work and
 * settles it exactly once with its usage (tokens, images or media seconds) so it is billed through
 * the key ledger like chat, when the server has written the answer at the time its {@link
 * io.tokenbench.mock.media.Timing} says; and which faults each kind of answer takes ({@link
 * io.tokenbench.mock.media.MediaFaults}). The route groups the server registers by default are
 * listed in {@code io.tokenbench.mock.endpoints}.
 */
package io.tokenbench.mock.media;
