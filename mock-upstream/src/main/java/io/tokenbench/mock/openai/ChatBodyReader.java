package io.tokenbench.mock.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a chat completion body in one streaming pass, keeping only what the mock needs: the scalars
 * it checks, and per message its role, the type of its content and the code points the prompt-token
 * rule counts ({@link PromptTokens}). Nothing else becomes a tree; the rare parts the mock reads in
 * depth ({@code tools}, {@code tool_choice}, {@code stream_options}, content arrays, {@code
 * tool_calls}) become small subtrees for the shared checks.
 *
 * <p>Every answer equals {@link ChatRequestParser}'s on the same bytes: the whole body is read
 * first (so malformed JSON, duplicate keys, trailing data or a value Jackson refuses anywhere are
 * the same 400 {@code unparsable}, as with a tree), then the same checks run in the same order
 * (ChatBodyReaderPropertyTest compares the two). Thread-safe.
 */
public final class ChatBodyReader {

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                    .build();
    private static final Set<String> ROLES =
            Set.of("system", "developer", "user", "assistant", "tool", "function");

    /** Parses and validates; throws {@link ApiErrorException} with a 400 on any problem. */
    public ParsedChat parse(InputStream body) {
        Body read;
        try (JsonParser p = JSON.createParser(body)) {
            read = read(p);
        } catch (IOException e) {
            // Covers malformed JSON, invalid UTF-8, duplicate keys and trailing garbage.
            throw new ApiErrorException(ApiError.unparsableJson());
        }
        return read.validate();
    }

    /** What the body held; {@code notAnObject} set when the root is not an object. */
    private static final class Body {
        JsonNode notAnObject;
        JsonNode model;
        JsonNode messagesNotArray;
        List<Message> messages;
        JsonNode stream;
        JsonNode streamOptions;
        JsonNode n;
        JsonNode maxCompletionTokens;
        JsonNode maxTokens;
        JsonNode tools;
        JsonNode toolChoice;

        ParsedChat validate() {
            if (notAnObject != null) {
                throw new ApiErrorException(
                        ApiError.invalidType(
                                "body", "an object", ChatRequestParser.typeName(notAnObject)));
            }
            if (model == null || model.isNull()) {
                throw new ApiErrorException(
                        ApiError.badRequest("you must provide a model parameter", null, null));
            }
            ChatRequestParser.requireType(model, "model", JsonNode::isTextual, "a string");
            if (messagesNotArray == null && messages == null
                    || messagesNotArray instanceof NullNode) {
                throw new ApiErrorException(ApiError.missingParameter("messages"));
            }
            long promptTokens = validateMessages();
            boolean streamOn = flag(stream, "stream");
            boolean includeUsage = false;
            if (streamOptions != null && !streamOptions.isNull()) {
                if (!streamOn) {
                    throw new ApiErrorException(
                            ApiError.badRequest(
                                    "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                                    "stream_options",
                                    "invalid_value"));
                }
                ChatRequestParser.requireType(
                        streamOptions, "stream_options", JsonNode::isObject, "an object");
                includeUsage =
                        ChatRequestParser.optionalBoolean(
                                streamOptions, "include_usage", "stream_options.include_usage");
            }
            int choices = integer(n, "n", ChatRequest.MAX_CHOICES).orElse(1);
            OptionalInt limit =
                    integer(maxCompletionTokens, "max_completion_tokens", Integer.MAX_VALUE);
            if (limit.isEmpty()) {
                limit = integer(maxTokens, "max_tokens", Integer.MAX_VALUE);
            }
            Optional<ToolCallRequest> toolCall = ToolChoices.forcedCall(tools, toolChoice);
            ChatRequest chat =
                    new ChatRequest(
                            model.textValue(),
                            (int) Math.min(Integer.MAX_VALUE, promptTokens),
                            streamOn,
                            includeUsage,
                            choices,
                            limit,
                            toolCall);
            return new ParsedChat(chat, messages.size());
        }

        /** The checks of {@code ChatRequestParser.validateMessages}; returns the prompt tokens. */
        private long validateMessages() {
            if (messagesNotArray != null) {
                throw new ApiErrorException(
                        ApiError.invalidType(
                                "messages",
                                "an array",
                                ChatRequestParser.typeName(messagesNotArray)));
            }
            if (messages.isEmpty()) {
                throw new ApiErrorException(
                        ApiError.badRequest(
                                "Invalid 'messages': empty array. Expected an array"
                                        + " with minimum length 1, but got an empty array instead.",
                                "messages",
                                "empty_array"));
            }
            long total = PromptTokens.PER_REQUEST;
            for (int index = 0; index < messages.size(); index++) {
                Message message = messages.get(index);
                String param = "messages[" + index + "]";
                if (message.notAnObject != null) {
                    throw new ApiErrorException(
                            ApiError.invalidType(
                                    param,
                                    "an object",
                                    ChatRequestParser.typeName(message.notAnObject)));
                }
                JsonNode role = message.role;
                if (role == null || role.isNull()) {
                    throw new ApiErrorException(ApiError.missingParameter(param + ".role"));
                }
                ChatRequestParser.requireType(
                        role, param + ".role", JsonNode::isTextual, "a string");
                if (!ROLES.contains(role.textValue())) {
                    throw new ApiErrorException(
                            ApiError.invalidValue(
                                    param + ".role",
                                    "'"
                                            + role.textValue()
                                            + "'. Supported values are: 'system', 'developer', 'user', 'assistant', 'tool' and 'function'."));
                }
                JsonNode badContent = message.contentNotStringOrArray;
                if (badContent != null && !badContent.isNull()) {
                    ChatRequestParser.requireType(
                            badContent,
                            param + ".content",
                            c -> c.isTextual() || c.isArray(),
                            "a string or an array");
                }
                total += PromptTokens.PER_MESSAGE + (message.chars + 3) / 4;
            }
            return total;
        }

        private static boolean flag(JsonNode node, String param) {
            return ChatRequestParser.optionalBoolean(node, param);
        }

        private static OptionalInt integer(JsonNode node, String field, int max) {
            return ChatRequestParser.optionalIntValue(node, field, 1, max);
        }
    }

    /** One element of {@code messages}. */
    private static final class Message {
        JsonNode notAnObject;
        JsonNode role;

        /** The content when it is neither a string nor an array (for the type error). */
        JsonNode contentNotStringOrArray;

        /** Code points the prompt-token rule counts. */
        long chars;
    }

    private static Body read(JsonParser p) throws IOException {
        Body body = new Body();
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new ApiErrorException(ApiError.unparsableJson());
        }
        if (t != JsonToken.START_OBJECT) {
            body.notAnObject = value(p, t);
        } else {
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "model" -> body.model = value(p, t);
                    case "messages" -> {
                        if (t == JsonToken.START_ARRAY) {
                            body.messages = messages(p);
                        } else {
                            body.messagesNotArray = value(p, t);
                        }
                    }
                    case "stream" -> body.stream = value(p, t);
                    case "stream_options" -> body.streamOptions = value(p, t);
                    case "n" -> body.n = value(p, t);
                    case "max_completion_tokens" -> body.maxCompletionTokens = value(p, t);
                    case "max_tokens" -> body.maxTokens = value(p, t);
                    case "tools" -> body.tools = value(p, t);
                    case "tool_choice" -> body.toolChoice = value(p, t);
                    default -> skip(p, t);
                }
            }
        }
        if (p.nextToken() != null) {
            throw new ApiErrorException(ApiError.unparsableJson()); // trailing data
        }
        return body;
    }

    private static List<Message> messages(JsonParser p) throws IOException {
        List<Message> messages = new ArrayList<>(4);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            Message message = new Message();
            messages.add(message);
            if (t != JsonToken.START_OBJECT) {
                message.notAnObject = value(p, t);
                continue;
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "role" -> message.role = value(p, t);
                    case "content" -> {
                        if (t == JsonToken.VALUE_STRING) {
                            message.chars += codePoints(p);
                        } else {
                            JsonNode content = value(p, t);
                            message.chars += PromptTokens.codePoints(content);
                            if (!content.isArray()) {
                                message.contentNotStringOrArray = content;
                            }
                        }
                    }
                    case "name" -> {
                        if (t == JsonToken.VALUE_STRING) {
                            message.chars += codePoints(p);
                        } else {
                            message.chars += PromptTokens.codePoints(value(p, t));
                        }
                    }
                    case "tool_calls" -> message.chars += PromptTokens.toolCallChars(value(p, t));
                    default -> skip(p, t);
                }
            }
        }
        return messages;
    }

    /** The code points of the current string token, without making a String. */
    private static int codePoints(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        return Character.codePointCount(chars, p.getTextOffset(), p.getTextLength());
    }

    /** The current value as the node a tree would hold (scalars made here, containers read). */
    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            case VALUE_NUMBER_INT ->
                    switch (p.getNumberType()) {
                        case INT -> IntNode.valueOf(p.getIntValue());
                        case LONG -> LongNode.valueOf(p.getLongValue());
                        default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                    };
            case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(p.getDoubleValue());
            default -> JSON.readTree(p);
        };
    }

    /**
     * Steps over a value the mock does not read, decoding it as a tree would (every string and
     * number), so a value Jackson refuses is refused here too.
     */
    private static void skip(JsonParser p, JsonToken t) throws IOException {
        int depth = 0;
        do {
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> p.getTextLength();
                case VALUE_NUMBER_INT -> p.getNumberType();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                default -> {}
            }
            if (depth == 0) {
                return;
            }
            t = p.nextToken();
        } while (t != null);
    }
}
