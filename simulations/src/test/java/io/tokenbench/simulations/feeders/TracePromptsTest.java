package io.tokenbench.simulations.feeders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.config.Api;
import io.tokenbench.simulations.config.BodyShape;
import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.Tokenizer;
import io.tokenbench.simulations.config.TraceRequests;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A trace's prompts: the input length in tokens exactly, the output length as max tokens, equal
 * hash ids giving equal prefix text, and an injector's share reading its own rows.
 */
class TracePromptsTest {
    private static final Path MOONCAKE = Path.of("src/test/resources/traces/mooncake-small.jsonl");

    @Test
    void promptsHaveTheTracesLengthsAndSharedBlocksAreIdentical() throws Exception {
        TraceRequests trace = TraceRequests.read(MOONCAKE);
        PromptSet p = PromptSet.trace(trace, Tokenizer.of("cl100k_base"), 5);
        Tokenizer cl100k = Tokenizer.of("cl100k_base");
        for (int i = 0; i < trace.size(); i++) {
            String text = p.item(i).lastText();
            assertThat(cl100k.count(text)).isEqualTo(trace.row(i).inputTokens());
            assertThat(p.outputTokens(i)).hasValue(trace.row(i).outputTokens());
        }
        // rows 1 and 3 both start with hash ids 100, 101 when long enough: same first 1024 tokens
        int a = -1;
        int b = -1;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.row(i).hashIds().size() == 3 && trace.row(i).hashIds().get(0) == 100) {
                if (a < 0) {
                    a = i;
                } else if (b < 0) {
                    b = i;
                }
            }
        }
        assertThat(b).as("the committed trace has two rows sharing ids 100,101").isPositive();
        String[] wa = p.item(a).lastText().split(" ");
        String[] wb = p.item(b).lastText().split(" ");
        assertThat(java.util.Arrays.copyOf(wa, 1024)).isEqualTo(java.util.Arrays.copyOf(wb, 1024));
        assertThat(java.util.Arrays.copyOfRange(wa, 1024, wa.length))
                .isNotEqualTo(java.util.Arrays.copyOfRange(wb, 1024, wb.length));

        ChatBodies bodies =
                new ChatBodies(
                        p.share(new InjectorShare(1, 2)),
                        "m",
                        999,
                        true,
                        OptionalDouble.empty(),
                        Api.CHAT,
                        BodyShape.DEFAULT,
                        1);
        // the second injector's request 2 is the trace's row 5
        assertThat(bodies.maxTokens(2)).isEqualTo(trace.row(5).outputTokens());
        assertThat(new ObjectMapper().readTree(bodies.body(2)).path("max_tokens").asInt())
                .isEqualTo(trace.row(5).outputTokens());
    }
}
