package io.tokenbench.simulations.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {

    private static List<String> decode(String... reads) {
        List<String> out = new ArrayList<>();
        SseDecoder d = new SseDecoder(out::add);
        for (String r : reads) {
            byte[] b = r.getBytes(StandardCharsets.UTF_8);
            d.feed(b, 0, b.length);
        }
        return out;
    }

    @Test
    void eventsSplitAcrossReadsAndCrlfAreReassembled() {
        assertThat(decode("data: {\"a\"", ":1}\r\n\r\ndata: [DO", "NE]\n\n"))
                .containsExactly("{\"a\":1}", "[DONE]");
    }

    @Test
    void commentsOtherFieldsAndMultiLineDataFollowTheSpec() {
        assertThat(decode(": ping\n\nevent: x\nid: 7\ndata: one\ndata:two\n\n"))
                .containsExactly("one\ntwo");
    }

    @Test
    void aCharacterSplitBetweenReadsIsDecodedWhole() {
        byte[] bytes = "data: é\n\n".getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        SseDecoder d = new SseDecoder(out::add);
        d.feed(bytes, 0, 7); // ends between the two bytes of 'é'
        d.feed(bytes, 7, bytes.length - 7);
        assertThat(out).containsExactly("é");
    }

    @Test
    void partialEventIsReported() {
        List<String> out = new ArrayList<>();
        SseDecoder d = new SseDecoder(out::add);
        byte[] b = "data: {\"x\":".getBytes(StandardCharsets.UTF_8);
        d.feed(b, 0, b.length);
        assertThat(out).isEmpty();
        assertThat(d.hasPartialEvent()).isTrue();
    }
}
