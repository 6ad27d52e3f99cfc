package io.tokenbench.simulations.feeders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.config.Api;
import io.tokenbench.simulations.config.BodyShape;
import io.tokenbench.simulations.config.Variant;
import java.io.UncheckedIOException;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Request bodies of the run's {@link Api}: request {@code i} gets item {@code i} of the {@link
 * PromptSet}. Chat sends {@code messages}; completions one {@code prompt} string (system prompt and
 * messages joined by blank lines, as GuideLLM flattens history); responses {@code instructions}
 * (the system prompt) and {@code input} messages. Streaming chat and completions bodies ask for
 * {@code stream_options.include_usage} so token counts come from the server (the Responses API
 * always reports usage in its terminal event). The {@link BodyShape}'s template and fields are
 * merged in; the output length is {@code --output-tokens} drawn per request, else the dataset
 * item's, else {@code --max-tokens}.
 *
 * <p>Thread-safe; the counter makes the sequence the same for every consumer that starts at 0
 * (gateway-overhead sends the same sequence to both targets).
 */
public final class ChatBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PromptSet prompts;
    private final String model;
    private final int maxTokens;
    private final boolean stream;
    private final OptionalDouble temperature;
    private final Api api;
    private final BodyShape shape;
    private final long seed;
    private final ObjectNode base;
    private final AtomicLong next = new AtomicLong();
    private final String[] cache;

    public ChatBodies(
            PromptSet prompts,
            String model,
            int maxTokens,
            boolean stream,
            OptionalDouble temperature) {
        this(prompts, model, maxTokens, stream, temperature, Api.CHAT, BodyShape.DEFAULT, 0);
    }

    /**
     * @param seed seeds the per-request output length ({@code --output-tokens})
     */
    public ChatBodies(
            PromptSet prompts,
            String model,
            int maxTokens,
            boolean stream,
            OptionalDouble temperature,
            Api api,
            BodyShape shape,
            long seed) {
        this.prompts = prompts;
        this.model = model;
        this.maxTokens = maxTokens;
        this.stream = stream;
        this.temperature = temperature;
        this.api = api;
        this.shape = shape;
        this.seed = seed;
        this.base = base(shape);
        // a drawn output length differs per request: nothing to cache
        this.cache = new String[shape.outputTokens().isPresent() ? 0 : prompts.fixedCount()];
    }

    /** Bodies for one side of a model comparison: the variant's model and overrides. */
    public static ChatBodies forVariant(
            PromptSet prompts,
            Variant v,
            int defaultMaxTokens,
            boolean stream,
            Api api,
            BodyShape shape,
            long seed) {
        return new ChatBodies(
                prompts,
                v.model(),
                v.maxTokens().orElse(defaultMaxTokens),
                stream,
                v.temperature(),
                api,
                shape,
                seed);
    }

    /** As above with chat and no body additions. */
    public static ChatBodies forVariant(
            PromptSet prompts, Variant v, int defaultMaxTokens, boolean stream) {
        return forVariant(prompts, v, defaultMaxTokens, stream, Api.CHAT, BodyShape.DEFAULT, 0);
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

    public Api api() {
        return api;
    }

    /** The index of the next body of the sequence (closed model). */
    public long nextIndex() {
        return next.getAndIncrement();
    }

    /** The next body of the sequence. */
    public String next() {
        return body(nextIndex());
    }

    /** The output length request {@code i} asks for. */
    public int maxTokens(long i) {
        if (shape.outputTokens().isPresent()) {
            return shape.outputTokens()
                    .get()
                    .sample(new SplittableRandom(seed * 0x5DEECE66DL + 0x2545F491L * (i + 1)));
        }
        return prompts.outputTokens(i).orElse(maxTokens);
    }

    /** The pause between an answer and a session's next turn (zero without sessions). */
    public java.time.Duration thinkTime() {
        return prompts.thinkTime();
    }

    /** The multi-turn session request {@code i} starts, if the prompts are sessions. */
    public java.util.Optional<Session> session(long i) {
        return prompts.session(i);
    }

    /**
     * The body of one later turn of a session: {@code history} (the system prompt, the user turns
     * and the answers received) in place of request {@code i}'s own prompt.
     */
    public String body(long i, PromptItem history) {
        return build(history, maxTokens(i));
    }

    /** The body of request {@code i}; built once per prompt for fixed prompt sets. */
    public String body(long i) {
        if (!prompts.isFixed() || cache.length == 0) {
            return build(prompts.item(i), maxTokens(i));
        }
        int p = prompts.fixedIndex(i);
        String cached = cache[p];
        if (cached == null) {
            cached = build(prompts.item(i), maxTokens(i));
            cache[p] = cached; // a benign race: every writer stores an equal immutable String
        }
        return cached;
    }

    private String build(PromptItem item, int outputTokens) {
        ObjectNode root = base.deepCopy();
        root.put("model", model);
        switch (api) {
            case CHAT -> {
                ArrayNode messages = root.putArray("messages");
                item.system().ifPresent(s -> message(messages, "system", s));
                item.messages().forEach(m -> message(messages, m.role(), m.content()));
            }
            case COMPLETIONS -> {
                String joined =
                        item.messages().stream()
                                .map(PromptItem.Message::content)
                                .collect(Collectors.joining("\n\n"));
                root.put("prompt", item.system().map(s -> s + "\n\n").orElse("") + joined);
            }
            case RESPONSES -> {
                item.system().ifPresent(s -> root.put("instructions", s));
                ArrayNode input = root.putArray("input");
                item.messages().forEach(m -> message(input, m.role(), m.content()));
            }
        }
        root.put(api.maxTokensField(), outputTokens);
        if (shape.exactOutput()) {
            root.put("min_tokens", outputTokens);
            root.put("ignore_eos", true);
        }
        if (stream) {
            root.put("stream", true);
            if (api != Api.RESPONSES && !root.has("stream_options")) {
                root.putObject("stream_options").put("include_usage", true);
            }
        }
        shape.fieldsInOrder().forEach((k, v) -> root.set(k, parse(v)));
        temperature.ifPresent(t -> root.put("temperature", t)); // a variant's own override
        return root.toString();
    }

    private static void message(ArrayNode list, String role, String content) {
        ObjectNode m = list.addObject();
        m.put("role", role);
        m.put("content", content);
    }

    private static ObjectNode base(BodyShape shape) {
        return shape.templateJson()
                .map(t -> (ObjectNode) parse(t))
                .orElseGet(JSON::createObjectNode);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e); // validated by BodyShape
        }
    }
}
