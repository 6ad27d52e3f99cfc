/**
 * The Netty server: {@link io.tokenbench.mock.server.MockUpstream} (start, port, base URL, close)
 * from an immutable {@link io.tokenbench.mock.server.MockConfig}; the pipeline (idle timeout, HTTP
 * codec, body limit, exchange handler); routing of {@code /v1/chat/completions}, {@code /v1/models}
 * and registered route groups; admission and exactly-once settlement through the gate; upstream
 * faults before headers; complete and streaming responses; route responses written at paced times
 * ({@code RouteDelivery}). Wire bytes come from {@code openai} and {@code stream}; behaviour from
 * {@code behavior}.
 */
package io.tokenbench.mock.server;
