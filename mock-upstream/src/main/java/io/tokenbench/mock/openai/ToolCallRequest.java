package io.tokenbench.mock.openai;

import java.util.Objects;

/**
 * A forced function call: the request's {@code tool_choice} names a function (or is {@code
 * required}) so the mock answers with a streamed or complete tool call instead of text.
 *
 * @param functionName the function to call
 * @param argumentName the JSON property the generated arguments fill (the function's first declared
 *     parameter, or {@code input})
 */
public record ToolCallRequest(String functionName, String argumentName) {
    public ToolCallRequest {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(argumentName, "argumentName");
    }
}
