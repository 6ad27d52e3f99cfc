package io.tokenbench.benchmarks.sse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.stream.ChunkEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventKindTest {

    @Test
    void classifiesHandWrittenPayloads() {
        assertThat(kind("[DONE]")).isEqualTo(EventKind.DONE);
        assertThat(kind("{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"))
                .isEqualTo(EventKind.ERROR);
        assertThat(kind("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" the\"}}]}"))
                .isEqualTo(EventKind.CONTENT);
        assertThat(
                        kind(
                                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"))
                .isEqualTo(EventKind.OTHER);
        assertThat(kind("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"))
                .isEqualTo(EventKind.OTHER);
        assertThat(kind("[DONE] ")).isEqualTo(EventKind.OTHER);
    }

    @Test
    void countsOneContentEventPerTokenOfTheMocksOwnEncoding() {
        ChunkEncoder encoder = new ChunkEncoder("chatcmpl-1", 1L, JsonText.escaped("m"), true);
        ByteBuf out = Unpooled.buffer();
        encoder.role(out, 0, false);
        for (String token : List.of("the", " latency", " token")) {
            encoder.openContent(out, 0);
            out.writeCharSequence(token, StandardCharsets.US_ASCII);
            encoder.closeContent(out);
        }
        encoder.finish(out, 0, "stop");
        encoder.usage(out, 5, 3);
        ChunkEncoder.done(out);
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();

        List<EventKind> kinds = new ArrayList<>();
        new SseFramer((b, from, to) -> kinds.add(EventKind.of(b, from, to)))
                .feed(bytes, 0, bytes.length);

        assertThat(kinds)
                .containsExactly(
                        EventKind.OTHER,
                        EventKind.CONTENT,
                        EventKind.CONTENT,
                        EventKind.CONTENT,
                        EventKind.OTHER,
                        EventKind.OTHER,
                        EventKind.DONE);
    }

    private static EventKind kind(String payload) {
        byte[] bytes = ("xx" + payload + "yy").getBytes(StandardCharsets.UTF_8);
        return EventKind.of(bytes, 2, bytes.length - 2);
    }
}
