package io.tokenbench.simulations.feeders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.tokenbench.simulations.config.Api;
import io.tokenbench.simulations.config.BodyShape;
import io.tokenbench.simulations.config.IntDistribution;
import io.tokenbench.simulations.config.PromptSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies of the three APIs, body additions, per-request output lengths, datasets, tokenizers. */
class RequestBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PromptSet messages(Path dir, String jsonl) throws Exception {
        return PromptSet.load(
                new PromptSpec.Messages(Files.writeString(dir.resolve("m.jsonl"), jsonl)), 1);
    }

    private static ChatBodies bodies(PromptSet p, Api api, BodyShape shape, boolean stream) {
        return new ChatBodies(p, "m1", 32, stream, OptionalDouble.empty(), api, shape, 7);
    }

    @Test
    void eachApiCarriesTheSystemPromptAndMessagesInItsOwnFields(@TempDir Path dir)
            throws Exception {
        PromptSet p =
                messages(
                        dir,
                        "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                                + "{\"role\":\"user\",\"content\":\"Hi\"},"
                                + "{\"role\":\"assistant\",\"content\":\"Hello\"},"
                                + "{\"role\":\"user\",\"content\":\"Bye\"}],\"max_tokens\":9}\n");
        JsonNode chat = JSON.readTree(bodies(p, Api.CHAT, BodyShape.DEFAULT, true).body(0));
        assertThat(chat.path("messages")).hasSize(4);
        assertThat(chat.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(chat.path("messages").get(3).path("content").asText()).isEqualTo("Bye");
        assertThat(chat.path("max_tokens").asInt()).isEqualTo(9); // the line's own max_tokens
        assertThat(chat.path("stream_options").path("include_usage").asBoolean()).isTrue();

        JsonNode completions =
                JSON.readTree(bodies(p, Api.COMPLETIONS, BodyShape.DEFAULT, true).body(0));
        assertThat(completions.path("prompt").asText())
                .isEqualTo("Be brief.\n\nHi\n\nHello\n\nBye");
        assertThat(completions.has("messages")).isFalse();
        assertThat(completions.path("max_tokens").asInt()).isEqualTo(9);
        assertThat(completions.path("stream_options").path("include_usage").asBoolean()).isTrue();

        JsonNode responses =
                JSON.readTree(bodies(p, Api.RESPONSES, BodyShape.DEFAULT, true).body(0));
        assertThat(responses.path("instructions").asText()).isEqualTo("Be brief.");
        assertThat(responses.path("input")).hasSize(3);
        assertThat(responses.path("input").get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(responses.path("max_output_tokens").asInt()).isEqualTo(9);
        assertThat(responses.has("max_tokens")).isFalse();
        assertThat(responses.path("stream").asBoolean()).isTrue();
        assertThat(responses.has("stream_options")).isFalse(); // not a Responses field
    }

    @Test
    void templateUnderFieldsAndOwnedFieldsAlwaysOurs() throws Exception {
        BodyShape shape =
                new BodyShape(
                        Map.of("temperature", "0.2", "seed", "7"),
                        Optional.of("{\"temperature\":1.5,\"top_p\":0.9,\"user\":\"t\"}"),
                        Optional.empty(),
                        false);
        PromptSet p = PromptSet.load(new PromptSpec.Bundled(), 1);
        JsonNode body = JSON.readTree(bodies(p, Api.CHAT, shape, false).body(3));
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2); // field over template
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9); // template kept
        assertThat(body.path("seed").asInt()).isEqualTo(7);
        assertThat(body.path("model").asText()).isEqualTo("m1");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(32);
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void outputTokensAreDrawnPerRequestReproduciblyAndExactAddsMinTokensAndIgnoreEos() {
        BodyShape shape =
                new BodyShape(
                        Map.of(),
                        Optional.empty(),
                        Optional.of(new IntDistribution.Uniform(10, 20)),
                        true);
        PromptSet p = PromptSet.load(new PromptSpec.Bundled(), 1);
        ChatBodies a = bodies(p, Api.CHAT, shape, true);
        ChatBodies b = bodies(p, Api.CHAT, shape, true);
        Set<Integer> seen = new HashSet<>();
        for (long i = 0; i < 200; i++) {
            JsonNode body = parse(a.body(i));
            int max = body.path("max_tokens").asInt();
            assertThat(max).isBetween(10, 20).isEqualTo(a.maxTokens(i));
            assertThat(body.path("min_tokens").asInt()).isEqualTo(max);
            assertThat(body.path("ignore_eos").asBoolean()).isTrue();
            assertThat(b.body(i)).isEqualTo(a.body(i));
            seen.add(max);
        }
        assertThat(seen).hasSize(11); // every value of the range drawn
    }

    @Test
    void shareGptTakesTheFirstTurnAndTheAnswersLengthInTokens(@TempDir Path dir) throws Exception {
        Path f =
                Files.writeString(
                        dir.resolve("sg.json"),
                        "[{\"id\":\"a\",\"conversations\":[{\"from\":\"human\",\"value\":\"What is"
                                + " rust?\"},{\"from\":\"gpt\",\"value\":\"A systems programming"
                                + " language.\"}]},{\"id\":\"b\",\"conversations\":[{\"from\":\"human\","
                                + "\"value\":\"only one turn\"}]}]");
        PromptSet p = PromptSet.load(new PromptSpec.ShareGpt(f, "words"), 1);
        assertThat(p.fixedCount()).isEqualTo(1);
        assertThat(p.item(0).lastText()).isEqualTo("What is rust?");
        assertThat(p.item(0).maxTokens()).hasValue(4);
        PromptSet counted = PromptSet.load(new PromptSpec.ShareGpt(f, "cl100k_base"), 1);
        Encoding cl100k =
                Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        assertThat(counted.item(0).maxTokens())
                .hasValue(cl100k.countTokens("A systems programming language."));
    }

    @Test
    void badDatasetLinesAreNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> messages(dir, "[{\"role\":\"user\",\"content\":\"a\"}]\n{oops\n"))
                .hasMessageContaining("--prompts")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> messages(dir, "[{\"role\":\"wizard\",\"content\":\"a\"}]\n"))
                .hasMessageContaining("line 1")
                .hasMessageContaining("wizard");
        assertThatThrownBy(
                        () ->
                                messages(
                                        dir,
                                        "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}],"
                                                + "\"max_tokens\":0}\n"))
                .hasMessageContaining("max_tokens");
    }

    @Test
    void syntheticLengthsAreExactForTheTiktokenEncodingAndTheSharedPrefixGoesToAShare() {
        Encoding o200k =
                Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        PromptSet p =
                PromptSet.load(
                        new PromptSpec.Synthetic(
                                new IntDistribution.Uniform(5, 300), 64, 0.5, "o200k_base"),
                        3);
        int withPrefix = 0;
        String prefix = p.sharedPrefix().orElseThrow();
        assertThat(o200k.countTokens(prefix)).isEqualTo(64);
        for (long i = 0; i < 400; i++) {
            PromptItem item = p.item(i);
            String text = item.lastText();
            assertThat(o200k.countTokens(text)).isEqualTo(text.split(" ").length);
            if (item.system().isPresent()) {
                assertThat(item.system().get()).isEqualTo(prefix);
                withPrefix++;
            }
        }
        assertThat(withPrefix).isBetween(140, 260); // about half of 400
        PromptSet fixed =
                PromptSet.load(
                        new PromptSpec.Synthetic(
                                new IntDistribution.Constant(123), 0, 1.0, "o200k_base"),
                        3);
        assertThat(o200k.countTokens(fixed.prompt(17))).isEqualTo(123);
        assertThat(p.tokenizer().name()).isEqualTo("o200k_base");
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
