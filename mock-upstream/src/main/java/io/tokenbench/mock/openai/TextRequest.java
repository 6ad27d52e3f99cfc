package io.tokenbench.mock.openai;

/**
 * A validated text-generation request of one API (chat completions, legacy completions, Responses),
 * reduced to what the shared pipeline acts on.
 */
public interface TextRequest {

    /** The request in the form the shared pipeline (gate, plan, stream) acts on. */
    ChatRequest generation();

    /**
     * Conversation items the request carried: chat {@code messages}, Responses {@code input} items
     * (a string input is one), completions prompts. For the request log.
     */
    int messageCount();
}
