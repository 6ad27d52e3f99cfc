package io.tokenbench.mock.openai;

import java.util.Objects;

/**
 * A validated {@code POST /v1/completions} request.
 *
 * @param generation model, prompt tokens, stream, include_usage, choices (prompts × {@code n}),
 *     {@code max_tokens}
 * @param messageCount the number of prompts (a string prompt is one)
 */
public record CompletionsRequest(ChatRequest generation, int messageCount) implements TextRequest {

    public CompletionsRequest {
        Objects.requireNonNull(generation, "generation");
    }
}
