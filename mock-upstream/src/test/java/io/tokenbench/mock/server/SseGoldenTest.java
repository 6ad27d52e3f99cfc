package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exact SSE bytes for fixed seeds on the real pipeline (EmbeddedChannel, virtual time). The golden
 * files under src/test/resources/golden were checked by hand against openai-wire.md: role chunk
 * first, one content chunk per step, finish chunk per choice, usage only on the final choices:[]
 * chunk (and "usage":null elsewhere) when include_usage, data: [DONE], then the chunked terminator.
 */
@ExtendWith(NoLeaks.class)
class SseGoldenTest {

    private static final Behavior THREE_TOKENS =
            Behavior.DEFAULT
                    .withTtft(DistParser.durations("100ms"))
                    .withItl(DistParser.durations("10ms"))
                    .withOutputTokens(DistParser.counts("3"));

    @Test
    void streamWithUsageMatchesGoldenTranscript() throws IOException {
        try (EmbeddedMock mock =
                new EmbeddedMock(EmbeddedMock.config().withBehavior(THREE_TOKENS))) {
            mock.send(
                    EmbeddedMock.post(
                            "/v1/chat/completions",
                            "{\"model\":\"tokenbench-tiny\",\"stream\":true,"
                                    + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"));
            String head = mock.output();
            assertThat(mock.advanceMillis(99).output()).as("nothing before TTFT").isEmpty();
            String first = mock.advanceMillis(1).output();
            String second = mock.advanceMillis(10).output();
            String last = mock.advanceMillis(10).output();
            assertThat(head + first + second + last).isEqualTo(golden("stream-usage.txt"));
            assertThat(first).contains("\"role\":\"assistant\"").contains("\"content\":\"");
        }
    }

    @Test
    void streamWithoutUsageTwoChoicesMatchesGoldenTranscript() throws IOException {
        try (EmbeddedMock mock =
                new EmbeddedMock(EmbeddedMock.config().withBehavior(THREE_TOKENS))) {
            mock.send(
                    EmbeddedMock.post(
                            "/v1/chat/completions",
                            "{\"model\":\"MiniMax-M3\",\"stream\":true,\"n\":2,"
                                    + "\"max_tokens\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"));
            String all =
                    mock.output()
                            + mock.advanceMillis(100).output()
                            + mock.advanceMillis(10).output();
            assertThat(all).isEqualTo(golden("stream-n2-length.txt"));
        }
    }

    @Test
    void forcedToolCallStreamMatchesGoldenTranscript() throws IOException {
        try (EmbeddedMock mock =
                new EmbeddedMock(
                        EmbeddedMock.config()
                                .withBehavior(
                                        THREE_TOKENS
                                                .withOutputTokens(DistParser.counts("4"))
                                                .withTokensPerChunk(2)))) {
            mock.send(
                    EmbeddedMock.post(
                            "/v1/chat/completions",
                            "{\"model\":\"MiniMax-M3\",\"stream\":true,"
                                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}],"
                                    + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                                    + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}],"
                                    + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}}"));
            String all =
                    mock.output()
                            + mock.advanceMillis(100).output()
                            + mock.advanceMillis(20).output();
            assertThat(all).isEqualTo(golden("stream-tool-call.txt"));
        }
    }

    @Test
    void sameSeedAndBodyGiveSameBytesAndAnotherSeedDoesNot() {
        String body =
                "{\"model\":\"tokenbench-tiny\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        String a = transcript(EmbeddedMock.config().withBehavior(THREE_TOKENS), body);
        String b = transcript(EmbeddedMock.config().withBehavior(THREE_TOKENS), body);
        String c = transcript(EmbeddedMock.config().withBehavior(THREE_TOKENS).withSeed(7), body);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    private static String transcript(MockConfig config, String body) {
        try (EmbeddedMock mock = new EmbeddedMock(config)) {
            mock.send(EmbeddedMock.post("/v1/chat/completions", body));
            return mock.output() + mock.advanceMillis(1_000).output();
        }
    }

    static String golden(String name) throws IOException {
        try (InputStream in = SseGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
