package io.tokenbench.simulations.stream;

/** One parsed SSE event of a chat-completions stream (or one whole non-streamed body). */
public sealed interface Chunk {

    /** {@code data: [DONE]}. */
    record Done() implements Chunk {}

    /** {@code data: {"error": {...}}}: an error reported after the stream started. */
    record ErrorEvent(String message) implements Chunk {}

    /**
     * The terminal event of a Responses stream ({@code response.completed} or {@code
     * response.incomplete}): it ends the stream as {@code [DONE]} does and carries the usage.
     */
    record Terminal(Delta delta) implements Chunk {}

    /** Not JSON, or JSON without the fields of a chunk. */
    record Malformed(String reason) implements Chunk {}

    /**
     * A normal chunk. {@code contentText} and {@code reasoningText} hold this chunk's pieces (empty
     * when none); {@code toolCallPieces} counts tool-call fragments; {@code finishReason} is null
     * until the finishing chunk; usage fields are -1 when the chunk carries no usage.
     */
    record Delta(
            String contentText,
            String reasoningText,
            int toolCallPieces,
            String finishReason,
            long promptTokens,
            long completionTokens)
            implements Chunk {

        /**
         * Output-bearing (metrics.md t_first): content, reasoning or tool calls; not role-only or
         * usage-only.
         */
        public boolean bearsOutput() {
            return !contentText.isEmpty() || !reasoningText.isEmpty() || toolCallPieces > 0;
        }

        public boolean bearsContent() {
            return !contentText.isEmpty() || toolCallPieces > 0;
        }

        public boolean hasUsage() {
            return completionTokens >= 0;
        }
    }
}
