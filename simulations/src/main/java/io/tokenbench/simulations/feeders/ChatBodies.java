package io.tokenbench.simulations.feeders;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.config.Variant;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies for {@code POST /v1/chat/completions}: request {@code i} gets prompt {@code i} of
 * the {@link PromptSet}. Streaming bodies ask for {@code stream_options.include_usage} so token counts
 * come from the server. Thread-safe; the counter makes the sequence the same for every consumer that
 * starts at 0 (gateway-overhead sends the same sequence to both targets).
 */
public final class ChatBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PromptSet prompts;
  private final String model;
  private final int maxTokens;
  private final boolean stream;
  private final OptionalDouble temperature;
  private final AtomicLong next = new AtomicLong();

  public ChatBodies(PromptSet prompts, String model, int maxTokens, boolean stream, OptionalDouble temperature) {
    this.prompts = prompts;
    this.model = model;
    this.maxTokens = maxTokens;
    this.stream = stream;
    this.temperature = temperature;
  }

  /** Bodies for one side of a model comparison: the variant's model and overrides. */
  public static ChatBodies forVariant(PromptSet prompts, Variant v, int defaultMaxTokens, boolean stream) {
    return new ChatBodies(prompts, v.model(), v.maxTokens().orElse(defaultMaxTokens), stream, v.temperature());
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

  /** The body of request {@code i}. */
  public String body(long i) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", model);
    ObjectNode message = root.putArray("messages").addObject();
    message.put("role", "user");
    message.put("content", prompts.prompt(i));
    root.put("max_tokens", maxTokens);
    temperature.ifPresent(t -> root.put("temperature", t));
    if (stream) {
      root.put("stream", true);
      root.putObject("stream_options").put("include_usage", true);
    }
    return root.toString();
  }
}
