package io.tokenbench.simulations.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The common shapes of chat-completions JSON read with Jackson's streaming parser, without building
 * a tree: a whole {@code chat.completion} body and one {@code chat.completion.chunk} event. It
 * reads only the fields {@link ChunkParser} uses and skips the rest token by token.
 *
 * <p>It answers only inputs whose tree reading is unambiguous and returns {@code null} for anything
 * else (not JSON, invalid UTF-8, an {@code error}, {@code type} or {@code data} member, a Responses
 * object, a field of an unexpected JSON type, a repeated field that matters, ...): the caller then
 * parses the tree as before, so every answer is the one the tree parse gives (property-tested
 * against it in {@code ChatJsonFastPathTest}).
 *
 * <p>Thread-safe: no state beyond the parser of one call.
 */
final class ChatJsonFastPath {
    private ChatJsonFastPath() {}

    /** A whole non-streamed body {@code bytes[offset, offset + length)}, or null. */
    static Chunk body(JsonFactory factory, byte[] bytes, int offset, int length) {
        try (JsonParser p = factory.createParser(bytes, offset, length)) {
            return read(p, false);
        } catch (IOException | RuntimeException e) {
            return null; // malformed, or a limit: the tree parse decides
        }
    }

    /** One streamed event's payload, UTF-8 bytes starting with '{', or null. */
    static Chunk event(JsonFactory factory, byte[] bytes, int offset, int length) {
        try (JsonParser p = factory.createParser(bytes, offset, length)) {
            return read(p, true);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One streamed event's payload (already stripped, not {@code [DONE]}), or null. */
    static Chunk event(JsonFactory factory, String payload) {
        try (JsonParser p = factory.createParser(payload)) {
            return read(p, true);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What one read collects; {@code null} from a reader means "not the common shape". */
    private static final class Fields {
        final StringBuilder content = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        int toolPieces;
        String finish;
        long promptTokens = -1;
        long completionTokens = -1;
    }

    private static Chunk read(JsonParser p, boolean event) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Fields f = new Fields();
        boolean choices = false;
        boolean usage = false;
        boolean object = false;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "choices" -> {
                    if (choices || value != JsonToken.START_ARRAY) {
                        return null;
                    }
                    choices = true;
                    if (!(event ? eventChoices(p, f) : firstChoice(p, f))) {
                        return null;
                    }
                }
                case "usage" -> {
                    if (usage || !usage(p, value, f)) {
                        return null;
                    }
                    usage = true;
                }
                case "object" -> {
                    // a Responses body ("response") takes the tree way; other kinds are ignored
                    if (object
                            || value != JsonToken.VALUE_STRING
                            || p.getText().equals("response")) {
                        return null;
                    }
                    object = true;
                }
                case "error", "type", "data" -> {
                    return null; // error objects, Responses events, Gatling's message wrapper
                }
                default -> p.skipChildren();
            }
        }
        if (!choices) {
            return null;
        }
        return new Chunk.Delta(
                f.content.toString(),
                f.reasoning.toString(),
                f.toolPieces,
                f.finish,
                f.promptTokens,
                f.completionTokens);
    }

    /** A body's {@code choices}: the first one read, at least one required, the rest skipped. */
    private static boolean firstChoice(JsonParser p, Fields f) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false; // empty, or not an object: the tree way
        }
        if (!choice(p, f, "message")) {
            return false;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                return false;
            }
            p.skipChildren();
        }
        return true;
    }

    /** An event's {@code choices}: every one read, in order (an empty array is fine). */
    private static boolean eventChoices(JsonParser p, Fields f) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT || !choice(p, f, "delta")) {
                return false;
            }
        }
        return true;
    }

    /**
     * One choice object (the parser on its START_OBJECT): {@code text}, {@code finish_reason} and
     * the {@code message} (body) or {@code delta} (event) object. A later choice's finish reason
     * replaces an earlier one, as in the tree parse.
     */
    private static boolean choice(JsonParser p, Fields f, String inner) throws IOException {
        boolean text = false;
        boolean finish = false;
        boolean innerSeen = false;
        String choiceText = "";
        String innerContent = "";
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            if (name.equals("text")) {
                if (text || !stringOrNull(value)) {
                    return false;
                }
                text = true;
                choiceText = value == JsonToken.VALUE_NULL ? "" : p.getText();
            } else if (name.equals("finish_reason")) {
                if (finish || !stringOrNull(value)) {
                    return false;
                }
                finish = true;
                if (value != JsonToken.VALUE_NULL) {
                    f.finish = p.getText();
                }
            } else if (name.equals(inner)) {
                if (innerSeen || value != JsonToken.START_OBJECT) {
                    return false;
                }
                innerSeen = true;
                String[] content = new String[1];
                if (!message(p, f, content)) {
                    return false;
                }
                innerContent = content[0];
            } else {
                p.skipChildren();
            }
        }
        // the tree parse appends the message's (delta's) content, then the choice's text
        f.content.append(innerContent).append(choiceText);
        return true;
    }

    /** A {@code message} or {@code delta} object; its content goes to {@code content[0]}. */
    private static boolean message(JsonParser p, Fields f, String[] content) throws IOException {
        boolean seenContent = false;
        boolean seenReasoning = false;
        boolean seenTools = false;
        content[0] = "";
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "content" -> {
                    if (seenContent || !stringOrNull(value)) {
                        return false;
                    }
                    seenContent = true;
                    content[0] = value == JsonToken.VALUE_NULL ? "" : p.getText();
                }
                case "reasoning_content" -> {
                    if (seenReasoning || !stringOrNull(value)) {
                        return false;
                    }
                    seenReasoning = true;
                    if (value != JsonToken.VALUE_NULL) {
                        f.reasoning.append(p.getText());
                    }
                }
                case "tool_calls" -> {
                    if (seenTools) {
                        return false;
                    }
                    seenTools = true;
                    if (value == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                            f.toolPieces++;
                        }
                    } else if (value != JsonToken.VALUE_NULL) {
                        return false;
                    }
                }
                case "audio" -> {
                    return false; // counted by the tree parse (rare)
                }
                default -> p.skipChildren();
            }
        }
        return true;
    }

    /** {@code usage}: null (no usage) or an object with integer (or null) token counts. */
    private static boolean usage(JsonParser p, JsonToken value, Fields f) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return true;
        }
        if (value != JsonToken.START_OBJECT) {
            return false;
        }
        boolean prompt = false;
        boolean completion = false;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            boolean isPrompt = name.equals("prompt_tokens");
            if (isPrompt || name.equals("completion_tokens")) {
                if (isPrompt ? prompt : completion) {
                    return false;
                }
                long count;
                if (v == JsonToken.VALUE_NULL || v == JsonToken.VALUE_STRING) {
                    count = -1;
                } else if (v == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    count = p.getLongValue();
                } else {
                    return false; // floats, big integers, booleans, containers: the tree way
                }
                if (isPrompt) {
                    prompt = true;
                    f.promptTokens = count;
                } else {
                    completion = true;
                    f.completionTokens = count;
                }
            } else {
                p.skipChildren();
            }
        }
        return true;
    }

    private static boolean stringOrNull(JsonToken t) {
        return t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL;
    }
}
