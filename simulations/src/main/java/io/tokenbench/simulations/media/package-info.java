/**
 * The mixed scenario's media payloads, pure: request bodies of embeddings, images, speech and video
 * calls ({@link io.tokenbench.simulations.media.MediaRequests}), the transcription upload (a WAV
 * tone built in code, sent as multipart), and the readers that tell a valid media answer from a
 * broken one. No threads, no sockets, no Gatling.
 */
package io.tokenbench.simulations.media;
