package io.tokenbench.mock.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;

/**
 * Reads {@code tools} and {@code tool_choice}: a call is forced by {@code
 * {"type":"function","function":{"name":...}}} (that function) or {@code "required"} (the first
 * tool). {@code "auto"}, {@code "none"} or no {@code tool_choice} answer with text.
 */
final class ToolChoices {

    private ToolChoices() {}

    static Optional<ToolCallRequest> forcedCall(JsonNode tools, JsonNode toolChoice) {
        boolean hasTools = tools != null && !tools.isNull();
        if (hasTools) {
            ChatRequestParser.requireType(tools, "tools", JsonNode::isArray, "an array");
            int index = 0;
            for (JsonNode tool : tools) {
                String param = "tools[" + index++ + "]";
                ChatRequestParser.requireType(tool, param, JsonNode::isObject, "an object");
                JsonNode name = tool.path("function").get("name");
                if (name == null || !name.isTextual()) {
                    throw new ApiErrorException(
                            ApiError.missingParameter(param + ".function.name"));
                }
            }
        }
        if (toolChoice == null || toolChoice.isNull()) {
            return Optional.empty();
        }
        if (!hasTools || tools.isEmpty()) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "tool_choice",
                            "'tool_choice' is only allowed when 'tools' are specified."));
        }
        if (toolChoice.isTextual()) {
            return switch (toolChoice.textValue()) {
                case "none", "auto" -> Optional.empty();
                case "required" -> Optional.of(callOf(tools.get(0)));
                default ->
                        throw new ApiErrorException(
                                ApiError.invalidValue(
                                        "tool_choice",
                                        "'"
                                                + toolChoice.textValue()
                                                + "'. Supported values are: 'none', 'auto' and 'required'."));
            };
        }
        ChatRequestParser.requireType(
                toolChoice, "tool_choice", JsonNode::isObject, "a string or an object");
        JsonNode name = toolChoice.path("function").get("name");
        if (name == null || !name.isTextual()) {
            throw new ApiErrorException(ApiError.missingParameter("tool_choice.function.name"));
        }
        for (JsonNode tool : tools) {
            if (name.textValue().equals(tool.path("function").path("name").textValue())) {
                return Optional.of(callOf(tool));
            }
        }
        throw new ApiErrorException(
                ApiError.invalidValue(
                        "tool_choice",
                        "function '" + name.textValue() + "' is not one of the 'tools'."));
    }

    private static ToolCallRequest callOf(JsonNode tool) {
        JsonNode function = tool.path("function");
        Iterator<String> params = function.path("parameters").path("properties").fieldNames();
        String argument = params.hasNext() ? params.next() : "input";
        return new ToolCallRequest(function.get("name").textValue(), argument);
    }
}
