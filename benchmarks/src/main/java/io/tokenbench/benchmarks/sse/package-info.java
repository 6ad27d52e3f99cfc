/**
 * The lean clients' minimal server-sent-events handling: byte-level framing of {@code data:} events
 * ({@link io.tokenbench.benchmarks.sse.SseFramer}) and a scan that tells content, {@code [DONE]},
 * error and other events apart without a JSON parser ({@link
 * io.tokenbench.benchmarks.sse.EventKind}). No I/O here.
 */
package io.tokenbench.benchmarks.sse;
