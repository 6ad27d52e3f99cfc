package io.tokenbench.mock.openai;

import io.netty.buffer.ByteBuf;

/**
 * The {@code usage} object, rendered as {@code ,"usage":{...}} for appending to a body or chunk.
 */
public final class Usage {

    private Usage() {}

    private static final byte[] PROMPT = JsonText.ascii(",\"usage\":{\"prompt_tokens\":");
    private static final byte[] COMPLETION = JsonText.ascii(",\"completion_tokens\":");
    private static final byte[] TOTAL = JsonText.ascii(",\"total_tokens\":");

    /** Writes what {@link #json} returns straight into {@code out}, with no allocation. */
    public static void write(ByteBuf out, long promptTokens, long completionTokens) {
        out.writeBytes(PROMPT);
        JsonText.writeDecimal(out, promptTokens);
        out.writeBytes(COMPLETION);
        JsonText.writeDecimal(out, completionTokens);
        out.writeBytes(TOTAL);
        JsonText.writeDecimal(out, promptTokens + completionTokens);
        out.writeByte('}');
    }

    public static byte[] json(long promptTokens, long completionTokens) {
        return JsonText.ascii(
                ",\"usage\":{\"prompt_tokens\":"
                        + promptTokens
                        + ",\"completion_tokens\":"
                        + completionTokens
                        + ",\"total_tokens\":"
                        + (promptTokens + completionTokens)
                        + "}");
    }
}
