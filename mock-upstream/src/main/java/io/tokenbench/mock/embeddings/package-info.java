/**
 * {@code POST /v1/embeddings}: deterministic unit vectors per input text and server seed ({@link
 * io.tokenbench.mock.embeddings.EmbeddingVectors}), {@code float} arrays or {@code base64} of
 * little-endian float32, {@code dimensions} by truncation and re-normalisation (as text-embedding-3
 * does), and token usage by the documented rule in {@link
 * io.tokenbench.mock.embeddings.EmbeddingInput}.
 */
package io.tokenbench.mock.embeddings;
