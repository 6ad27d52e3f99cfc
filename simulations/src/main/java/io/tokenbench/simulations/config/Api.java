package io.tokenbench.simulations.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The text-generation API a run drives ({@code --api}): chat completions, the legacy completions
 * endpoint (as {@code vllm bench serve} drives it: a {@code prompt} string, {@code max_tokens}) or
 * the Responses API ({@code input}, {@code max_output_tokens}, named stream events).
 */
public enum Api {
    CHAT("chat", "chat/completions"),
    COMPLETIONS("completions", "completions"),
    RESPONSES("responses", "responses");

    private final String key;
    private final String path;

    Api(String key, String path) {
        this.key = key;
        this.path = path;
    }

    public String key() {
        return key;
    }

    /** The path under {@code /v1/}. */
    public String path() {
        return path;
    }

    /** The body field that limits the output length. */
    public String maxTokensField() {
        return this == RESPONSES ? "max_output_tokens" : "max_tokens";
    }

    public static Api parse(String text) {
        for (Api a : values()) {
            if (a.key.equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "'"
                        + text
                        + "' is not one of "
                        + Arrays.stream(values()).map(Api::key).collect(Collectors.joining(", ")));
    }
}
