package io.tokenbench.mock.openai;

/**
 * The {@code usage} object, rendered as {@code ,"usage":{...}} for appending to a body or chunk.
 */
public final class Usage {

    private Usage() {}

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
