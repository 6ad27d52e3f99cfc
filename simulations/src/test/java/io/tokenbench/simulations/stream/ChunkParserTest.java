package io.tokenbench.simulations.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkParserTest {
    private static final String CONTENT =
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok0 \"},\"finish_reason\":null}]}";

    @Test
    void doneInEveryFormIsRecognisedBeforeJsonParsing() {
        assertThat(ChunkParser.parseEvent("[DONE]")).isInstanceOf(Chunk.Done.class);
        assertThat(ChunkParser.parseEvent("{\"data\":[DONE]}"))
                .isInstanceOf(Chunk.Done.class); // Gatling 3.15
        assertThat(ChunkParser.parseEvent("{\"data\":\"[DONE]\"}"))
                .isInstanceOf(Chunk.Done.class); // Gatling 3.14
    }

    @Test
    void rawGatling315AndGatling314FormsGiveTheSameContent() {
        Chunk raw = ChunkParser.parseEvent(CONTENT);
        Chunk inlined = ChunkParser.parseEvent("{\"data\":" + CONTENT + "}");
        Chunk quoted =
                ChunkParser.parseEvent("{\"data\":\"" + CONTENT.replace("\"", "\\\"") + "\"}");
        assertThat(raw).isInstanceOf(Chunk.Delta.class);
        assertThat(((Chunk.Delta) raw).contentText()).isEqualTo("tok0 ");
        assertThat(inlined).isEqualTo(raw);
        assertThat(quoted).isEqualTo(raw);
    }

    @Test
    void roleOnlyAndUsageOnlyChunksDoNotBearOutput() {
        Chunk.Delta role =
                (Chunk.Delta)
                        ChunkParser.parseEvent(
                                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":null}");
        Chunk.Delta usage =
                (Chunk.Delta)
                        ChunkParser.parseEvent(
                                "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46}}");
        assertThat(role.bearsOutput()).isFalse();
        assertThat(role.hasUsage()).isFalse();
        assertThat(usage.bearsOutput()).isFalse();
        assertThat(usage.promptTokens()).isEqualTo(12);
        assertThat(usage.completionTokens()).isEqualTo(34);
    }

    @Test
    void reasoningAndToolCallsBearOutputButOnlyToolCallsAndContentAreContent() {
        Chunk.Delta reasoning =
                (Chunk.Delta)
                        ChunkParser.parseEvent(
                                "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"hmm\"}}]}");
        Chunk.Delta tool =
                (Chunk.Delta)
                        ChunkParser.parseEvent(
                                "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\"}}]}}]}");
        assertThat(reasoning.bearsOutput()).isTrue();
        assertThat(reasoning.bearsContent()).isFalse();
        assertThat(tool.bearsOutput()).isTrue();
        assertThat(tool.bearsContent()).isTrue();
    }

    @Test
    void errorEventsAndMalformedPayloadsAreNamed() {
        assertThat(
                        ChunkParser.parseEvent(
                                "{\"error\":{\"message\":\"upstream died\",\"type\":\"server_error\"}}"))
                .isEqualTo(new Chunk.ErrorEvent("upstream died"));
        assertThat(ChunkParser.parseEvent("{\"id\":\"c1\",\"choices\":[{\"delta\":{\"con"))
                .isInstanceOf(Chunk.Malformed.class);
        assertThat(ChunkParser.parseEvent("{\"id\":\"c1\"}")).isInstanceOf(Chunk.Malformed.class);
    }

    @Test
    void nonStreamedBodyGivesContentFinishAndUsage() {
        Chunk.Delta d =
                (Chunk.Delta)
                        ChunkParser.parseBody(
                                "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":"
                                        + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"a b c\",\"refusal\":null},"
                                        + "\"finish_reason\":\"stop\",\"logprobs\":null}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3}}");
        assertThat(d.contentText()).isEqualTo("a b c");
        assertThat(d.finishReason()).isEqualTo("stop");
        assertThat(d.completionTokens()).isEqualTo(3);
        assertThat(ChunkParser.parseBody("{\"choices\":[{\"message\":{\"content\":\"a"))
                .isInstanceOf(Chunk.Malformed.class);
    }

    @Test
    void aBodyParsedAsBytesGivesWhatItsStringGives() {
        byte[] invalidUtf8 =
                "{\"choices\":[{\"message\":{\"content\":\"a\u00ff b\"},\"finish_reason\":\"stop\"}]}"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); // 0xff alone
        java.util.List<byte[]> bodies =
                java.util.List.of(
                        ("{\"choices\":[{\"message\":{\"content\":\"h\u00e9 \u2603 x\"},"
                                        + "\"finish_reason\":\"length\"}],"
                                        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":3}}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "{\"error\":{\"message\":\"quota\"}}".getBytes(),
                        "{\"choices\":[]}".getBytes(),
                        "{\"choices\":[{\"message\":{\"content\":\"a".getBytes(),
                        "[1]".getBytes(),
                        new byte[0],
                        invalidUtf8);
        for (byte[] body : bodies) {
            byte[] padded = new byte[body.length + 4]; // the buffer is longer than the body
            System.arraycopy(body, 0, padded, 2, body.length);
            assertThat(ChunkParser.parseBody(padded, 2, body.length))
                    .as(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(
                            ChunkParser.parseBody(
                                    new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        }
        // the invalid byte became U+FFFD, as a String decoding does, instead of failing the body
        assertThat(
                        ((Chunk.Delta) ChunkParser.parseBody(invalidUtf8, 0, invalidUtf8.length))
                                .contentText())
                .isEqualTo("a\ufffd b");
    }
}
