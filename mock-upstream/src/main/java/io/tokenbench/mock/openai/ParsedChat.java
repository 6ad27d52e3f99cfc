package io.tokenbench.mock.openai;

import java.util.Objects;

/** A chat completion request and the number of its {@code messages}. */
public record ParsedChat(ChatRequest generation, int messageCount) implements TextRequest {

    public ParsedChat {
        Objects.requireNonNull(generation, "generation");
    }
}
