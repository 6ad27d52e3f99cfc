package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;

/**
 * The wire format of one text-generation stream, as {@link ChatStream} drives it: one
 * implementation per API ({@link ChunkEncoder} for chat completions, {@link CompletionsEncoder} for
 * legacy completions, {@link ResponsesEncoder} for the Responses API), so the timing, faults and
 * settlement of the stream are shared. Token text is written by the stream between {@code open*}
 * and {@code close*}, already escaped for a JSON string. Not thread-safe; one per stream, used on
 * its event loop.
 */
public interface StreamEncoder {

    /** Whether {@link #opening} writes events sent with the head, before the first token. */
    default boolean hasOpening() {
        return false;
    }

    /** Events sent at once, before time to first token (e.g. {@code response.created}). */
    default void opening(ByteBuf out) {}

    /** The first event of a choice, at time to first token. */
    void role(ByteBuf out, int choice, boolean toolCall);

    /**
     * Opens a content event; the stream writes the escaped text next, then {@link #closeContent}.
     */
    void openContent(ByteBuf out, int choice);

    void closeContent(ByteBuf out);

    /** The first fragment of a forced tool call (chat only). */
    void toolStart(ByteBuf out, int choice, String callId, byte[] functionNameEscaped);

    /** Opens a tool-call argument fragment (chat only). */
    void openToolArguments(ByteBuf out, int choice);

    void closeToolArguments(ByteBuf out);

    /** The end of a choice, with its finish reason ({@code stop}, {@code length}, ...). */
    void finish(ByteBuf out, int choice, String finishReason);

    /** The final usage (skipped by the stream for the {@code usage_missing} fault). */
    void usage(ByteBuf out, long promptTokens, long completionTokens);

    /** The end of the stream ({@code [DONE]}; skipped for the {@code missing_done} fault). */
    void end(ByteBuf out);

    /** The {@code protocol_error} fault: an event whose JSON is cut off. */
    void malformed(ByteBuf out, int choice);

    /** The {@code stream_error_event} fault: the API's in-band error after the stream started. */
    void midStreamError(ByteBuf out);
}
