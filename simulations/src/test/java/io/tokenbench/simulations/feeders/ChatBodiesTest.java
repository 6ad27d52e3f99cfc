package io.tokenbench.simulations.feeders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.config.IntDistribution;
import io.tokenbench.simulations.config.PromptSpec;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ChatBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void streamingBodiesAskForUsageAndRepeatForTheSameIndex() throws Exception {
        PromptSet prompts = PromptSet.load(new PromptSpec.Bundled(), 5);
        assertThat(prompts.fixedCount()).isGreaterThanOrEqualTo(20);
        ChatBodies a = new ChatBodies(prompts, "MiniMax-M3", 64, true, OptionalDouble.of(0.5));
        ChatBodies b = new ChatBodies(prompts, "MiniMax-M3", 64, true, OptionalDouble.of(0.5));
        JsonNode body = JSON.readTree(a.next());
        assertThat(body.path("model").asText()).isEqualTo("MiniMax-M3");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(body.path("messages").get(0).path("content").asText()).isNotBlank();
        assertThat(b.next()).isEqualTo(body.toString()); // same sequence for a second target
    }

    @Test
    void syntheticPromptsHaveTheDrawnNumberOfWords() throws Exception {
        PromptSet prompts =
                PromptSet.load(new PromptSpec.Synthetic(new IntDistribution.Constant(37)), 1);
        assertThat(prompts.prompt(0).split(" ")).hasSize(37);
        ChatBodies nonStream = new ChatBodies(prompts, "m", 8, false, OptionalDouble.empty());
        JsonNode body = JSON.readTree(nonStream.next());
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("stream_options")).isFalse();
    }
}
