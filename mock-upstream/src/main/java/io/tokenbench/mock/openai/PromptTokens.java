package io.tokenbench.mock.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The documented prompt-token rule (no real tokenizer; stable and cheap):
 *
 * <pre>
 *   prompt_tokens = 3 + Σ over messages (4 + ceil(chars(message) / 4))
 * </pre>
 *
 * where {@code chars} counts Unicode code points of the message's text: {@code content} when it is
 * a string, the {@code text} of {@code type: "text"} parts when it is an array, plus {@code name}
 * and every {@code tool_calls[].function.name} and {@code .arguments}. Images, audio and tool
 * definitions add nothing. The 3 and 4 mirror OpenAI's per-reply and per-message overheads.
 */
public final class PromptTokens {

    static final int PER_REQUEST = 3;
    static final int PER_MESSAGE = 4;

    private PromptTokens() {}

    /** Applies the rule to an already validated {@code messages} array. */
    public static int of(JsonNode messages) {
        long total = PER_REQUEST;
        for (JsonNode message : messages) {
            long chars =
                    codePoints(message.get("content"))
                            + codePoints(message.get("name"))
                            + toolCallChars(message.get("tool_calls"));
            total += PER_MESSAGE + (chars + 3) / 4;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** The counted code points of a message's {@code tool_calls}; 0 unless it is an array. */
    static long toolCallChars(JsonNode toolCalls) {
        long chars = 0;
        if (toolCalls != null && toolCalls.isArray()) {
            for (JsonNode call : toolCalls) {
                JsonNode function = call.path("function");
                chars += codePoints(function.get("name")) + codePoints(function.get("arguments"));
            }
        }
        return chars;
    }

    /** The counted code points of a string, or of the text parts of an array; else 0. */
    static long codePoints(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return text.codePointCount(0, text.length());
        }
        long chars = 0;
        if (node.isArray()) {
            for (JsonNode part : node) {
                if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                    chars += codePoints(part.get("text"));
                }
            }
        }
        return chars;
    }
}
