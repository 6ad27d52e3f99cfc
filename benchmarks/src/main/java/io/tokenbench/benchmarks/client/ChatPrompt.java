package io.tokenbench.benchmarks.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The one chat request every client sends: a short user message, a model and a token budget.
 *
 * @param model the model id
 * @param userText the user message (plain ASCII without quotes or backslashes: it is written into
 *     JSON as is)
 * @param maxTokens {@code max_completion_tokens}
 */
public record ChatPrompt(String model, String userText, int maxTokens) {

    public static final String DEFAULT_USER_TEXT = "Say something about latency.";

    public ChatPrompt {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(userText, "userText");
        if (!userText.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
            throw new IllegalArgumentException(
                    "userText must be printable ASCII without quotes or backslashes");
        }
        if (!model.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\')) {
            throw new IllegalArgumentException(
                    "model must be printable ASCII without quotes or backslashes");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1: " + maxTokens);
        }
    }

    /**
     * The JSON body the lean clients send, built once per client (the SDK serialises its params per
     * call).
     */
    public byte[] jsonBody(boolean stream) {
        return ("{\"model\":\""
                        + model
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\""
                        + userText
                        + "\"}],\"max_completion_tokens\":"
                        + maxTokens
                        + ",\"stream\":"
                        + stream
                        + "}")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
