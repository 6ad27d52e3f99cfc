package io.tokenbench.mock.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The documented rule: 3 + sum over messages of (4 + ceil(code points / 4)). */
class PromptTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static int of(String messages) throws Exception {
        return PromptTokens.of(JSON.readTree(messages));
    }

    @Test
    void countsTextOfStringsPartsNamesAndToolCalls() throws Exception {
        assertThat(of("[{\"role\":\"user\",\"content\":\"Hello\"}]")).isEqualTo(3 + 4 + 2);
        assertThat(
                        of(
                                "[{\"role\":\"system\",\"content\":\"\"},{\"role\":\"user\",\"content\":\"abcd\"}]"))
                .isEqualTo(3 + 4 + 4 + 1);
        assertThat(
                        of(
                                "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"abcdefgh\"},"
                                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://x\"}}]}]"))
                .isEqualTo(3 + 4 + 2);
        assertThat(of("[{\"role\":\"user\",\"name\":\"ann\",\"content\":\"x\"}]"))
                .isEqualTo(3 + 4 + 1);
        assertThat(
                        of(
                                "[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                                        + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}]"))
                .isEqualTo(3 + 4 + 1);
    }

    @Test
    void countsCodePointsNotUtf16Units() throws Exception {
        assertThat(
                        of(
                                "[{\"role\":\"user\",\"content\":\"\\uD83D\\uDE00\\uD83D\\uDE00\\uD83D\\uDE00\\uD83D\\uDE00\\uD83D\\uDE00\"}]"))
                .isEqualTo(3 + 4 + 2); // five emoji = five code points
    }

    @Test
    void goDurationsLookLikeOpenAisHeaders() {
        assertThat(GoDuration.format(20_000_000L)).isEqualTo("20ms");
        assertThat(GoDuration.format(1_000_000_000L)).isEqualTo("1s");
        assertThat(GoDuration.format(1_500_000_000L)).isEqualTo("1.5s");
        assertThat(GoDuration.format(360_000_000_000L)).isEqualTo("6m0s");
        assertThat(GoDuration.format(0)).isEqualTo("0s");
    }
}
