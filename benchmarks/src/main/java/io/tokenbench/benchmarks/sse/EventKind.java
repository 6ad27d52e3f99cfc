package io.tokenbench.benchmarks.sse;

import java.nio.charset.StandardCharsets;

/**
 * What one chat-completions SSE payload is, found by scanning bytes (no JSON parse): enough for a
 * lean client to count tokens and notice the end or an in-band error, as openai-wire.md shapes the
 * events.
 */
public enum EventKind {
    /**
     * A chunk whose delta carries non-empty {@code content}: one streamed token per event at one
     * token per chunk.
     */
    CONTENT,
    /** {@code [DONE]}: the stream ended normally. */
    DONE,
    /** {@code {"error": ...}}: an error reported after the stream started. */
    ERROR,
    /** Anything else: the role event, the finish event, the usage event. */
    OTHER;

    private static final byte[] DONE_BYTES = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_OPEN = "{\"error\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_OPEN = "\"content\":\"".getBytes(StandardCharsets.US_ASCII);

    /** Classifies the payload {@code bytes[from, to)} (the text after {@code data: }). */
    public static EventKind of(byte[] bytes, int from, int to) {
        if (regionEquals(bytes, from, to, DONE_BYTES)) {
            return DONE;
        }
        if (startsWith(bytes, from, to, ERROR_OPEN)) {
            return ERROR;
        }
        int at = ByteScan.indexOf(bytes, from, to, CONTENT_OPEN);
        // "content":"" (the role event) is not a token; a closing quote right after the opening one
        // means empty.
        return at >= 0 && at + CONTENT_OPEN.length < to && bytes[at + CONTENT_OPEN.length] != '"'
                ? CONTENT
                : OTHER;
    }

    private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
        return to - from >= prefix.length
                && ByteScan.indexOf(bytes, from, from + prefix.length, prefix) == from;
    }

    private static boolean regionEquals(byte[] bytes, int from, int to, byte[] expected) {
        return to - from == expected.length && startsWith(bytes, from, to, expected);
    }
}
