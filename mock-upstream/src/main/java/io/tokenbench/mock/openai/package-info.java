/**
 * The OpenAI wire format, per openai-wire.md: strict parsing of chat completion requests (every bad
 * input becomes the 400 the real API sends), the prompt-token rule, ids, the non-streaming {@code
 * chat.completion} body, {@code /v1/models} bodies and the error envelope. Byte writers only; no
 * scheduling (see {@code stream}) and no routing (see {@code server}).
 */
package io.tokenbench.mock.openai;
