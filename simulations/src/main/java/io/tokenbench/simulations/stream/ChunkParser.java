package io.tokenbench.simulations.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * Parses chat-completions, completions ({@code choices[].text}) and Responses API payloads ({@code
 * {"type":"response.output_text.delta",...}}, {@link ResponsesEvents}) into {@link Chunk}s. Accepts
 * the raw {@code data:} payload and, so that Gatling's SSE messages can be fed too, the message
 * JSON of Gatling 3.15 ({@code {"data":{...}}}, {@code {"data":[DONE]}}, which is not valid JSON)
 * and of 3.14 and earlier ({@code {"data":"{\"id\":...}"}}). {@code [DONE]} is tested before any
 * JSON parsing. The common chat shapes are read with a streaming parser ({@link ChatJsonFastPath});
 * every other input is parsed as a tree, with the same result.
 *
 * <p>Thread-safe (Jackson's {@link ObjectMapper} is, once configured).
 */
public final class ChunkParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Chunk.Done DONE = new Chunk.Done();

    private ChunkParser() {}

    /** Parses one streamed event. */
    public static Chunk parseEvent(String payload) {
        String p = payload.strip();
        if (isDone(p)) {
            return DONE;
        }
        Chunk fast = ChatJsonFastPath.event(JSON.getFactory(), p);
        if (fast != null) {
            return fast; // the common chunk, read without a tree
        }
        return parseEventTree(p);
    }

    /**
     * As {@link #parseEvent(String)} for the UTF-8 bytes {@code bytes[offset, offset + length)}: an
     * object payload ({@code {...}}, nothing to strip) is read from the bytes without decoding;
     * anything else, or what the fast path leaves, is decoded and parsed as text, with the same
     * result.
     */
    public static Chunk parseEvent(byte[] bytes, int offset, int length) {
        if (length > 1 && bytes[offset] == '{' && bytes[offset + length - 1] == '}') {
            Chunk fast = ChatJsonFastPath.event(JSON.getFactory(), bytes, offset, length);
            if (fast != null) {
                return fast;
            }
            // the wrapped [DONE] forms and every other shape: the tree, as from text
            return parseEventTree(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
        return parseEvent(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    private static boolean isDone(String p) {
        return p.equals("[DONE]")
                || p.equals("{\"data\":[DONE]}")
                || p.equals("{\"data\":\"[DONE]\"}");
    }

    /** {@link #parseEvent} by reading the tree (every shape; the fast path's reference). */
    static Chunk parseEventTree(String payload) {
        String p = payload.strip();
        if (isDone(p)) {
            return DONE;
        }
        JsonNode node;
        try {
            node = JSON.readTree(p);
        } catch (JsonProcessingException e) {
            return new Chunk.Malformed("not JSON: " + abbreviate(p));
        }
        if (node == null || !node.isObject()) {
            return new Chunk.Malformed("not a JSON object: " + abbreviate(p));
        }
        JsonNode wrapped = node.get("data");
        if (wrapped != null && node.get("choices") == null && node.get("error") == null) {
            // Gatling's SseInboundMessage.message(): 3.15 inlines the object, 3.14 quotes it.
            return wrapped.isTextual() ? parseEventTree(wrapped.asText()) : parseObject(wrapped);
        }
        return parseObject(node);
    }

    /**
     * Parses a whole non-streamed {@code chat.completion} body into one Delta (or error/malformed).
     */
    public static Chunk parseBody(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new Chunk.Malformed("body is not JSON: " + abbreviate(body));
        }
        return parseBody(node);
    }

    /**
     * As {@link #parseBody(String)} for the UTF-8 bytes {@code bytes[offset, offset + length)},
     * parsed as bytes (no decoding into a String first: the hot path of non-streamed runs). Bytes
     * Jackson rejects, such as invalid UTF-8 the String decoding would have replaced, go the String
     * way, so the result is always the same.
     */
    public static Chunk parseBody(byte[] bytes, int offset, int length) {
        Chunk fast = ChatJsonFastPath.body(JSON.getFactory(), bytes, offset, length);
        return fast != null ? fast : parseBodyTree(bytes, offset, length);
    }

    /** {@link #parseBody(byte[], int, int)} by reading the tree (the fast path's reference). */
    static Chunk parseBodyTree(byte[] bytes, int offset, int length) {
        JsonNode node;
        try {
            node = JSON.readTree(bytes, offset, length);
        } catch (java.io.IOException e) {
            return parseBody(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
        return parseBody(node);
    }

    private static Chunk parseBody(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Chunk.Malformed("body is not a JSON object");
        }
        if (node.hasNonNull("error")) {
            return new Chunk.ErrorEvent(node.path("error").path("message").asText(""));
        }
        if ("response".equals(node.path("object").asText())) {
            return ResponsesEvents.body(node);
        }
        JsonNode choices = node.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            return new Chunk.Malformed("body has no choices");
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        return new Chunk.Delta(
                text(message.get("content")) + text(choice.get("text")),
                text(message.get("reasoning_content")),
                message.path("tool_calls").size(),
                finishReason(choice),
                usage(node, "prompt_tokens"),
                usage(node, "completion_tokens"));
    }

    private static Chunk parseObject(JsonNode node) {
        if (!node.isObject()) {
            return new Chunk.Malformed("data is not a JSON object");
        }
        if (node.has("error") && !node.path("type").asText().startsWith("response.")) {
            return new Chunk.ErrorEvent(node.path("error").path("message").asText(""));
        }
        if (node.has("type") && !node.has("choices")) {
            return ResponsesEvents.event(node);
        }
        JsonNode choices = node.get("choices");
        if (choices == null || !choices.isArray()) {
            return new Chunk.Malformed("chunk has no choices array");
        }
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        int toolPieces = 0;
        String finish = null;
        for (JsonNode choice : choices) {
            JsonNode delta = choice.path("delta");
            content.append(text(delta.get("content")));
            content.append(text(choice.get("text"))); // /v1/completions
            reasoning.append(text(delta.get("reasoning_content")));
            toolPieces += delta.path("tool_calls").size();
            if (delta.has("audio")) {
                toolPieces += delta.path("audio").size() > 0 ? 1 : 0;
            }
            String f = finishReason(choice);
            if (f != null) {
                finish = f;
            }
        }
        return new Chunk.Delta(
                content.toString(),
                reasoning.toString(),
                toolPieces,
                finish,
                usage(node, "prompt_tokens"),
                usage(node, "completion_tokens"));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText("");
    }

    private static String finishReason(JsonNode choice) {
        JsonNode f = choice.get("finish_reason");
        return f == null || f.isNull() ? null : f.asText();
    }

    static long usage(JsonNode root, String field) {
        JsonNode u = root.get("usage");
        if (u == null || u.isNull()) {
            return -1;
        }
        JsonNode v = u.get(field);
        return v != null && v.canConvertToLong() ? v.asLong() : -1;
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
