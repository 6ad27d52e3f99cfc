package io.tokenbench.mock.openai;

import static io.tokenbench.mock.openai.ChatRequestParser.optionalBoolean;
import static io.tokenbench.mock.openai.ChatRequestParser.optionalInt;
import static io.tokenbench.mock.openai.ChatRequestParser.requireType;
import static io.tokenbench.mock.openai.ChatRequestParser.typeName;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Strict parser for {@code POST /v1/responses} bodies. Reads {@code model}, {@code input} (a
 * string, or an array of items: messages with {@code role} and string or parts {@code content},
 * replayed assistant messages, {@code function_call_output}, ...), {@code instructions}, {@code
 * max_output_tokens} (at least 1: load tools send less than the spec's 16), {@code stream} and
 * {@code store}. {@code stream_options} is accepted and ignored (AIPerf sends {@code
 * include_usage}; usage always comes in the terminal event), and so are sampling fields, {@code
 * text}, {@code reasoning}, {@code tools} (answered with text), {@code metadata} and vLLM
 * extensions. The mock keeps no responses: {@code previous_response_id} and {@code conversation}
 * are a 400 (send the history in {@code input}). Thread-safe.
 *
 * <p>Prompt (input) tokens follow chat's rule ({@link PromptTokens}), {@code instructions} counting
 * as one more message: {@code 3 + Σ over items (4 + ceil(chars / 4))}, where {@code chars} are the
 * code points of a string {@code content}, of the {@code text} of {@code input_text}/{@code
 * output_text}/{@code text} parts, of a {@code function_call_output}'s string {@code output}, and
 * of a {@code function_call}'s {@code name} and {@code arguments}.
 */
public final class ResponsesRequestParser {

    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");

    public ResponsesRequest parse(InputStream body) {
        JsonNode root = ChatRequestParser.readJson(body);
        if (!root.isObject()) {
            throw new ApiErrorException(ApiError.invalidType("body", "an object", typeName(root)));
        }
        String model = model(root);
        for (String stateful : new String[] {"previous_response_id", "conversation"}) {
            JsonNode node = root.get(stateful);
            if (node != null && !node.isNull()) {
                throw new ApiErrorException(
                        ApiError.badRequest(
                                "The mock keeps no responses or conversations: '"
                                        + stateful
                                        + "' is not supported; send the history in 'input'.",
                                stateful,
                                "unsupported_parameter"));
            }
        }
        JsonNode input = root.get("input");
        if (input == null || input.isNull()) {
            throw new ApiErrorException(ApiError.missingParameter("input"));
        }
        int items;
        long tokens = PromptTokens.PER_REQUEST;
        if (input.isTextual()) {
            items = 1;
            tokens += messageTokens(codePoints(input));
        } else if (input.isArray()) {
            if (input.isEmpty()) {
                throw new ApiErrorException(
                        ApiError.badRequest(
                                "Invalid 'input': empty array. Expected an array with minimum"
                                        + " length 1, but got an empty array instead.",
                                "input",
                                "empty_array"));
            }
            items = input.size();
            int index = 0;
            for (JsonNode item : input) {
                tokens += messageTokens(itemChars(item, "input[" + index++ + "]"));
            }
        } else {
            throw new ApiErrorException(
                    ApiError.invalidType("input", "a string or an array", typeName(input)));
        }
        Optional<String> instructions = Optional.empty();
        JsonNode instructionsNode = root.get("instructions");
        if (instructionsNode != null && !instructionsNode.isNull()) {
            requireType(instructionsNode, "instructions", JsonNode::isTextual, "a string");
            instructions = Optional.of(instructionsNode.textValue());
            tokens += messageTokens(codePoints(instructionsNode));
        }
        boolean stream = optionalBoolean(root, "stream", "stream");
        includeUsage(root, stream, false);
        JsonNode storeNode = root.get("store");
        boolean store =
                storeNode == null || storeNode.isNull() || optionalBoolean(root, "store", "store");
        OptionalInt maxOutputTokens = optionalInt(root, "max_output_tokens", 1, Integer.MAX_VALUE);
        ChatRequest generation =
                new ChatRequest(
                        model,
                        (int) Math.min(Integer.MAX_VALUE, tokens),
                        stream,
                        true, // usage always arrives in the terminal event
                        1,
                        maxOutputTokens,
                        Optional.empty());
        return new ResponsesRequest(generation, items, instructions, store);
    }

    /** {@code model}: required, a string. */
    static String model(JsonNode root) {
        JsonNode model = root.get("model");
        if (model == null || model.isNull()) {
            throw new ApiErrorException(
                    ApiError.badRequest("you must provide a model parameter", null, null));
        }
        requireType(model, "model", JsonNode::isTextual, "a string");
        return model.textValue();
    }

    /**
     * {@code stream_options.include_usage}; {@code stream_options} must be an object, and with
     * {@code strict} is only allowed with {@code stream: true} (chat's and vLLM's rule).
     */
    static boolean includeUsage(JsonNode root, boolean stream, boolean strict) {
        JsonNode streamOptions = root.get("stream_options");
        if (streamOptions == null || streamOptions.isNull()) {
            return false;
        }
        if (strict && !stream) {
            throw new ApiErrorException(
                    ApiError.badRequest(
                            "The 'stream_options' parameter is only allowed when 'stream' is"
                                    + " enabled.",
                            "stream_options",
                            "invalid_value"));
        }
        requireType(streamOptions, "stream_options", JsonNode::isObject, "an object");
        return optionalBoolean(streamOptions, "include_usage", "stream_options.include_usage");
    }

    private static long itemChars(JsonNode item, String param) {
        requireType(item, param, JsonNode::isObject, "an object");
        String type = item.path("type").asText("message");
        switch (type) {
            case "message" -> {
                JsonNode role = item.get("role");
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
                                            + "'. Supported values are: 'user', 'assistant',"
                                            + " 'system' and 'developer'."));
                }
                JsonNode content = item.get("content");
                if (content == null || content.isNull()) {
                    throw new ApiErrorException(ApiError.missingParameter(param + ".content"));
                }
                requireType(
                        content,
                        param + ".content",
                        c -> c.isTextual() || c.isArray(),
                        "a string or an array");
                return codePoints(content);
            }
            case "function_call_output" -> {
                JsonNode output = item.get("output");
                if (output == null || output.isNull()) {
                    throw new ApiErrorException(ApiError.missingParameter(param + ".output"));
                }
                return codePoints(output);
            }
            case "function_call" -> {
                return codePoints(item.get("name")) + codePoints(item.get("arguments"));
            }
            default -> {
                return 0; // reasoning items, item references, ...: no text the mock counts
            }
        }
    }

    private static long messageTokens(long chars) {
        return PromptTokens.PER_MESSAGE + (chars + 3) / 4;
    }

    private static long codePoints(JsonNode node) {
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
                String type = part.path("type").asText();
                if ((type.equals("input_text") || type.equals("output_text") || type.equals("text"))
                        && part.path("text").isTextual()) {
                    chars += codePoints(part.get("text"));
                }
            }
        }
        return chars;
    }
}
