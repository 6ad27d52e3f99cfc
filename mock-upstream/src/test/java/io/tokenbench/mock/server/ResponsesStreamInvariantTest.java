package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.testing.NoLeaks;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invariants of the Responses stream over many seeded shapes (output length, tokens per chunk,
 * {@code max_output_tokens}): numbering, the deltas joining to every copy of the final text, the
 * terminal event matching the cut, usage counting the words sent.
 */
@ExtendWith(NoLeaks.class)
class ResponsesStreamInvariantTest {

    @Test
    void everyShapeIsNumberedConsistentAndCountedRight() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 60; round++) {
            int tokens = 1 + random.nextInt(40);
            int perChunk = 1 + random.nextInt(4);
            Integer maxOutput = random.nextBoolean() ? 1 + random.nextInt(40) : null;
            String shape = "tokens=" + tokens + " perChunk=" + perChunk + " max=" + maxOutput;
            try (EmbeddedMock mock =
                    new EmbeddedMock(
                            EmbeddedMock.config()
                                    .withBehavior(
                                            Behavior.ZERO_LATENCY
                                                    .withOutputTokens(
                                                            DistParser.counts("" + tokens))
                                                    .withTokensPerChunk(perChunk)))) {
                mock.send(
                        EmbeddedMock.post(
                                "/v1/responses",
                                "{\"model\":\"MiniMax-M3\",\"stream\":true,\"input\":\"hi\""
                                        + (maxOutput == null
                                                ? ""
                                                : ",\"max_output_tokens\":" + maxOutput)
                                        + "}"));
                String wire = mock.output() + mock.advanceMillis(1).output();
                List<JsonNode> events = TextApisFaultTest.dataEvents(wire);
                StringBuilder deltas = new StringBuilder();
                int deltaEvents = 0;
                for (int i = 0; i < events.size(); i++) {
                    assertThat(events.get(i).get("sequence_number").asInt()).as(shape).isEqualTo(i);
                    if (events.get(i).get("type").asText().equals("response.output_text.delta")) {
                        deltas.append(events.get(i).get("delta").asText());
                        deltaEvents++;
                    }
                }
                int expectedTokens = maxOutput == null ? tokens : Math.min(tokens, maxOutput);
                boolean cut = maxOutput != null && maxOutput < tokens;
                String text = deltas.toString();
                assertThat(text.split(" ")).as(shape).hasSize(expectedTokens);
                assertThat(deltaEvents)
                        .as(shape)
                        .isEqualTo((expectedTokens + perChunk - 1) / perChunk);
                JsonNode terminal = events.get(events.size() - 1);
                assertThat(terminal.get("type").asText())
                        .as(shape)
                        .isEqualTo(cut ? "response.incomplete" : "response.completed");
                assertThat(terminal.at("/response/status").asText())
                        .isEqualTo(cut ? "incomplete" : "completed");
                assertThat(terminal.at("/response/output/0/content/0/text").asText())
                        .isEqualTo(text);
                assertThat(events.get(events.size() - 4).get("text").asText()).isEqualTo(text);
                assertThat(terminal.at("/response/usage/output_tokens").asInt())
                        .isEqualTo(expectedTokens);
            }
        }
    }
}
