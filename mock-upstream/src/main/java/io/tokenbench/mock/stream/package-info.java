/**
 * Server-sent event streaming of chat completions: the byte-exact chunk encoder, the per-stream
 * state machine scheduled on the channel's event loop (TTFT, inter-token gaps, back-pressure,
 * mid-stream faults), the slow-drip sink, and the scheduling-lag histogram; and the same machinery
 * for a route response body already built and written in paced parts ({@link
 * io.tokenbench.mock.stream.PacedBody}, speech audio chunks). Routing, admission and settlement
 * live in {@code server}.
 */
package io.tokenbench.mock.stream;
