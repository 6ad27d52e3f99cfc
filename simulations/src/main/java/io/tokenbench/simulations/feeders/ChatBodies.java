package io.tokenbench.simulations.feeders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.config.Variant;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies for {@code POST /v1/chat/completions}: request {@code i} gets prompt {@code i} of
 * the {@link PromptSet}. Streaming bodies ask for {@code stream_options.include_usage} so token
 * counts come from the server. Thread-safe; the counter makes the sequence the same for every
 * consumer that starts at 0 (gateway-overhead sends the same sequence to both targets).
 */
public final class ChatBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PromptSet prompts;
    private final String model;
    private final int maxTokens;
    private final boolean stream;
    private final OptionalDouble temperature;
    private final AtomicLong next = new AtomicLong();
    private final String[] cache;

    public ChatBodies(
            PromptSet prompts,
            String model,
            int maxTokens,
            boolean stream,
            OptionalDouble temperature) {
        this.prompts = prompts;
        this.model = model;
        this.maxTokens = maxTokens;
        this.stream = stream;
        this.temperature = temperature;
        this.cache = new String[prompts.fixedCount()];
    }

    /** Bodies for one side of a model comparison: the variant's model and overrides. */
    public static ChatBodies forVariant(
            PromptSet prompts, Variant v, int defaultMaxTokens, boolean stream) {
        return new ChatBodies(
                prompts,
                v.model(),
                v.maxTokens().orElse(defaultMaxTokens),
                stream,
                v.temperature());
    }

    public String model() {
        return model;
    }

    public boolean stream() {
        return stream;
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** The next body of the sequence. */
    public String next() {
        return body(next.getAndIncrement());
    }

    /** The body of request {@code i}; built once per prompt for fixed prompt sets. */
    public String body(long i) {
        if (!prompts.isFixed()) {
            return build(prompts.prompt(i));
        }
        int p = prompts.fixedIndex(i);
        String cached = cache[p];
        if (cached == null) {
            cached = build(prompts.prompt(i));
            cache[p] = cached; // a benign race: every writer stores an equal immutable String
        }
        return cached;
    }

    private String build(String prompt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        ObjectNode message = root.putArray("messages").addObject();
        message.put("role", "user");
        message.put("content", prompt);
        root.put("max_tokens", maxTokens);
        temperature.ifPresent(t -> root.put("temperature", t));
        if (stream) {
            root.put("stream", true);
            root.putObject("stream_options").put("include_usage", true);
        }
        return root.toString();
    }
}
