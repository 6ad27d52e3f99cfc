package io.tokenbench.mock.openai;

import io.tokenbench.mock.behavior.TokenText;
import java.io.ByteArrayOutputStream;

/**
 * The argument fragments of a generated tool call, each one token: {@code {"<arg>":"} first, then
 * words, then {@code "}} last, so the joined arguments are the JSON object {@code {"<arg>":"word
 * word ..."}} (cut short, and so invalid, when {@code max_tokens} stops it). Fragments come back
 * escaped for use inside a JSON string.
 */
public final class ToolArguments {

    private final byte[] open;
    private static final byte[] CLOSE = JsonText.escaped("\"}");

    public ToolArguments(ToolCallRequest call) {
        this.open = JsonText.escaped("{" + JsonText.quoted(call.argumentName()) + ":\"");
    }

    /**
     * Fragment {@code position} (0-based) of a call with {@code total} tokens; {@code word} is used
     * for the middle fragments.
     */
    public byte[] fragment(int position, int total, int word) {
        if (position == 0) {
            return total == 1 ? joined(open, CLOSE) : open;
        }
        if (position == total - 1) {
            return CLOSE;
        }
        return TokenText.bytes(word, position == 1);
    }

    private static byte[] joined(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
