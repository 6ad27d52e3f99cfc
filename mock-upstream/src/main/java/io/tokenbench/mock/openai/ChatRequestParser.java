package io.tokenbench.mock.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Strict parser for chat completion request bodies: every problem becomes the 400 the real API
 * sends, naming the parameter. Reads a tree; the server reads chat bodies with {@link
 * ChatBodyReader}, which streams and gives the same answers (this is its reference), and the other
 * text APIs share the checks here. Thread-safe.
 */
public final class ChatRequestParser {

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                    .build();
    private static final Set<String> ROLES =
            Set.of("system", "developer", "user", "assistant", "tool", "function");

    /** Parses and validates; throws {@link ApiErrorException} with a 400 on any problem. */
    public ChatRequest parse(InputStream body) {
        return parse(readJson(body));
    }

    /** Validates an already read body (see {@link #readJson}). */
    public ChatRequest parse(JsonNode root) {
        if (!root.isObject()) {
            throw new ApiErrorException(ApiError.invalidType("body", "an object", typeName(root)));
        }
        JsonNode model = root.get("model");
        if (model == null || model.isNull()) {
            throw new ApiErrorException(
                    ApiError.badRequest("you must provide a model parameter", null, null));
        }
        requireType(model, "model", JsonNode::isTextual, "a string");
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw new ApiErrorException(ApiError.missingParameter("messages"));
        }
        validateMessages(messages);
        boolean stream = optionalBoolean(root, "stream", "stream");
        boolean includeUsage = false;
        JsonNode streamOptions = root.get("stream_options");
        if (streamOptions != null && !streamOptions.isNull()) {
            if (!stream) {
                throw new ApiErrorException(
                        ApiError.badRequest(
                                "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                                "stream_options",
                                "invalid_value"));
            }
            requireType(streamOptions, "stream_options", JsonNode::isObject, "an object");
            includeUsage =
                    optionalBoolean(streamOptions, "include_usage", "stream_options.include_usage");
        }
        int choices = optionalInt(root, "n", 1, ChatRequest.MAX_CHOICES).orElse(1);
        OptionalInt maxTokens = optionalInt(root, "max_completion_tokens", 1, Integer.MAX_VALUE);
        if (maxTokens.isEmpty()) {
            maxTokens = optionalInt(root, "max_tokens", 1, Integer.MAX_VALUE);
        }
        Optional<ToolCallRequest> toolCall =
                ToolChoices.forcedCall(root.get("tools"), root.get("tool_choice"));
        return new ChatRequest(
                model.textValue(),
                PromptTokens.of(messages),
                stream,
                includeUsage,
                choices,
                maxTokens,
                toolCall);
    }

    /** Reads a request body strictly: malformed JSON, duplicate keys, trailing data are a 400. */
    public static JsonNode readJson(InputStream body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new ApiErrorException(ApiError.unparsableJson());
            }
            return root;
        } catch (IOException e) {
            // Covers malformed JSON, invalid UTF-8, duplicate keys and trailing garbage.
            throw new ApiErrorException(ApiError.unparsableJson());
        }
    }

    private static void validateMessages(JsonNode messages) {
        requireType(messages, "messages", JsonNode::isArray, "an array");
        if (messages.isEmpty()) {
            throw new ApiErrorException(
                    ApiError.badRequest(
                            "Invalid 'messages': empty array. Expected an array"
                                    + " with minimum length 1, but got an empty array instead.",
                            "messages",
                            "empty_array"));
        }
        int index = 0;
        for (Iterator<JsonNode> it = messages.elements(); it.hasNext(); index++) {
            JsonNode message = it.next();
            String param = "messages[" + index + "]";
            requireType(message, param, JsonNode::isObject, "an object");
            JsonNode role = message.get("role");
            if (role == null || role.isNull()) {
                throw new ApiErrorException(ApiError.missingParameter(param + ".role"));
            }
            requireType(role, param + ".role", JsonNode::isTextual, "a string");
            if (!ROLES.contains(role.textValue())) {
                throw new ApiErrorException(
                        ApiError.invalidValue(
                                param + ".role",
                                "'"
                                        + role.textValue()
                                        + "'. Supported values are: 'system', 'developer', 'user', 'assistant', 'tool' and 'function'."));
            }
            JsonNode content = message.get("content");
            if (content != null && !content.isNull()) {
                requireType(
                        content,
                        param + ".content",
                        c -> c.isTextual() || c.isArray(),
                        "a string or an array");
            }
        }
    }

    static boolean optionalBoolean(JsonNode parent, String field, String param) {
        return optionalBoolean(parent.get(field), param);
    }

    /** {@code node}'s boolean; false when it is absent (null) or JSON null. */
    static boolean optionalBoolean(JsonNode node, String param) {
        if (node == null || node.isNull()) {
            return false;
        }
        requireType(node, param, JsonNode::isBoolean, "a boolean");
        return node.booleanValue();
    }

    static OptionalInt optionalInt(JsonNode parent, String field, int min, int max) {
        return optionalIntValue(parent.get(field), field, min, max);
    }

    /** {@code node}'s integer in [min, max]; empty when it is absent (null) or JSON null. */
    static OptionalInt optionalIntValue(JsonNode node, String field, int min, int max) {
        if (node == null || node.isNull()) {
            return OptionalInt.empty();
        }
        requireType(node, field, JsonNode::isIntegralNumber, "an integer");
        if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw new ApiErrorException(
                    ApiError.badRequest(
                            "Invalid '"
                                    + field
                                    + "': integer out of range; expected"
                                    + " a value in ["
                                    + min
                                    + ", "
                                    + max
                                    + "], but got "
                                    + node.asText()
                                    + " instead.",
                            field,
                            "integer_out_of_range"));
        }
        return OptionalInt.of(node.intValue());
    }

    static void requireType(
            JsonNode node,
            String param,
            java.util.function.Predicate<JsonNode> test,
            String expected) {
        if (!test.test(node)) {
            throw new ApiErrorException(ApiError.invalidType(param, expected, typeName(node)));
        }
    }

    static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "an unsupported value";
        };
    }
}
