package io.tokenbench.mock.openai;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated {@code POST /v1/responses} request.
 *
 * @param generation model, prompt (input) tokens, stream, one choice, {@code max_output_tokens}
 * @param messageCount the number of {@code input} items (a string input is one; {@code
 *     instructions} is not an item)
 * @param instructions {@code instructions}, echoed in the response object
 * @param store {@code store} (default true), echoed
 */
public record ResponsesRequest(
        ChatRequest generation, int messageCount, Optional<String> instructions, boolean store)
        implements TextRequest {

    public ResponsesRequest {
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(instructions, "instructions");
    }
}
