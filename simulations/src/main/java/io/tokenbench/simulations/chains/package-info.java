/**
 * Gatling building blocks: the chat-call action on Gatling's HTTP engine that observes every SSE
 * event with its arrival time, the media-call action (embeddings, images, speech, transcription,
 * video jobs) with one flow per endpoint class on the same engine and listener, and the chains that
 * compose them. Recipes live in scenarios.
 */
package io.tokenbench.simulations.chains;
