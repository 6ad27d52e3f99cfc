package io.tokenbench.benchmarks.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseFramerTest {

    private final List<String> payloads = new ArrayList<>();
    private final SseFramer framer =
            new SseFramer(
                    (bytes, from, to) ->
                            payloads.add(
                                    new String(bytes, from, to - from, StandardCharsets.UTF_8)));

    private static final String STREAM =
            "data: {\"a\":1}\n\n"
                    + ": keep-alive comment\n\n"
                    + "data:{\"b\":2}\n\n"
                    + "event: ignored\ndata: {\"c\":3}\n\n"
                    + "data: [DONE]\n\n";

    @Test
    void framesEveryEventOfOneRead() {
        feed(STREAM);

        assertThat(payloads).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "[DONE]");
        assertThat(framer.hasPartialEvent()).isFalse();
    }

    @Test
    void framesTheSameEventsWhateverTheReadBoundaries() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        for (int readBytes = 1; readBytes <= bytes.length; readBytes++) {
            payloads.clear();
            SseFramer split =
                    new SseFramer(
                            (b, from, to) ->
                                    payloads.add(
                                            new String(
                                                    b, from, to - from, StandardCharsets.UTF_8)));
            for (int at = 0; at < bytes.length; at += readBytes) {
                split.feed(bytes, at, Math.min(readBytes, bytes.length - at));
            }
            assertThat(payloads)
                    .as("reads of %d bytes", readBytes)
                    .containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "[DONE]");
        }
    }

    @Test
    void holdsAnUnfinishedEventUntilItsBlankLine() {
        feed("data: {\"a\":1}\n");

        assertThat(payloads).isEmpty();
        assertThat(framer.hasPartialEvent()).isTrue();

        framer.feed(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(payloads).containsExactly("{\"a\":1}");
        assertThat(framer.hasPartialEvent()).isFalse();
    }

    @Test
    void growsForAnEventLargerThanItsBuffer() {
        String big = "x".repeat(20_000);

        feed("data: " + big + "\n\n");

        assertThat(payloads).containsExactly(big);
    }

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        framer.feed(bytes, 0, bytes.length);
    }
}
