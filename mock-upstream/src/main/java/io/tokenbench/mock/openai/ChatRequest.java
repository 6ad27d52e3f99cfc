package io.tokenbench.mock.openai;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A validated {@code POST /v1/chat/completions} request, reduced to what the mock acts on. Unknown
 * fields are tolerated (SDKs pass {@code extra_body}) and dropped here.
 *
 * @param model the model id (not yet checked against the catalog)
 * @param promptTokens prompt tokens by {@link PromptTokens}' rule
 * @param stream {@code stream}
 * @param includeUsage {@code stream_options.include_usage}
 * @param choices {@code n}
 * @param maxTokens {@code max_completion_tokens}, else {@code max_tokens}
 * @param toolCall the forced function call, when {@code tool_choice} forces one
 */
public record ChatRequest(
        String model,
        int promptTokens,
        boolean stream,
        boolean includeUsage,
        int choices,
        OptionalInt maxTokens,
        Optional<ToolCallRequest> toolCall) {

    public static final int MAX_CHOICES = 128;

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(toolCall, "toolCall");
        if (choices < 1 || choices > MAX_CHOICES) {
            throw new IllegalArgumentException(
                    "choices must be in [1, " + MAX_CHOICES + "]: " + choices);
        }
    }
}
