package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code slow_drip} and {@code missing_done} on speech as server-sent events over an {@link
 * io.netty.channel.embedded.EmbeddedChannel} with frozen time (PARANOID leak detection): the first
 * 16-byte piece comes one drip interval after the time to first audio, one piece per interval after
 * it; a client gone mid-drip drops the bytes held back (no leak), ends the exchange and is settled
 * once; the response ends with the last delta when the done event is missing.
 */
@ExtendWith(NoLeaks.class)
class SpeechDripDeliveryTest {

    /** 0.25 s of speech as SSE: one delta event, then the done event. */
    private static final String SSE =
            "{\"model\":\"tts-1\",\"input\":\"Hi\",\"voice\":\"alloy\","
                    + "\"response_format\":\"pcm\",\"stream_format\":\"sse\"}";

    private final RecordingGate gate = new RecordingGate();

    private EmbeddedMock mock() {
        MediaBehavior media =
                MediaBehavior.NO_LATENCY.with(
                        MediaBehavior.Field.SPEECH_TTFA, DistParser.durations("100ms"));
        return new EmbeddedMock(
                EmbeddedMock.config()
                        .withGate(gate)
                        .withBehavior(Behavior.ZERO_LATENCY.withMedia(media)));
    }

    @Test
    void theEventsDripSixteenBytesPerInterval() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/audio/speech", SSE, "x-mock-fault: slow_drip:5ms"));
            mock.advanceMillis(100);
            String head = mock.output();
            assertThat(head).doesNotContain("data:");
            mock.advanceMillis(4);
            assertThat(mock.output()).as("not before one interval").doesNotContain("data:");
            mock.advanceMillis(1);
            String first = head + mock.output();
            assertThat(first)
                    .startsWith("HTTP/1.1 200 OK")
                    .contains("transfer-encoding: chunked")
                    .endsWith("\r\n\r\n10\r\ndata: {\"type\":\"s\r\n");
            mock.advanceMillis(5);
            assertThat(mock.output()).isEqualTo("10\r\npeech.audio.delt\r\n");
            assertThat(mock.server.stats.faultCount(Fault.SLOW_DRIP)).isEqualTo(1);
            StringBuilder rest = new StringBuilder();
            int intervals = 0;
            while (!rest.toString().endsWith("\r\n0\r\n\r\n") && intervals++ < 5_000) {
                mock.advanceMillis(5);
                String piece = mock.output();
                assertThat(piece.length())
                        .as("one piece per interval")
                        .isLessThanOrEqualTo("10\r\n".length() + 16 + 2 + "0\r\n\r\n".length());
                rest.append(piece);
            }
            assertThat(rest.toString()).endsWith("\r\n0\r\n\r\n");
            String events = "data: {\"type\":\"speech.audio.delt" + dechunk(rest.toString());
            assertThat(events)
                    .startsWith("data: {\"type\":\"speech.audio.delta\",\"audio\":\"")
                    .endsWith(
                            "\"}\n\ndata: {\"type\":\"speech.audio.done\",\"usage\":{\"input_tokens\":1,"
                                    + "\"output_tokens\":13,\"total_tokens\":14}}\n\n");
            assertThat(gate.onlySettlement().end()).isEqualTo(Settlement.End.COMPLETED);
            assertThat(mock.server.stats.activeExchanges())
                    .as("the exchange ended with the drip")
                    .isZero();
        }
    }

    /** The data of HTTP/1.1 chunks, in order (ends at the last chunk). */
    private static String dechunk(String chunked) {
        StringBuilder data = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int length = Integer.parseInt(chunked.substring(at, lineEnd), 16);
            if (length == 0) {
                return data.toString();
            }
            data.append(chunked, lineEnd + 2, lineEnd + 2 + length);
            at = lineEnd + 2 + length + 2;
        }
    }

    @Test
    void aClientGoneMidDripDropsTheHeldBytesAndIsSettledOnce() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/audio/speech", SSE, "x-mock-fault: slow_drip:5ms"));
            mock.advanceMillis(100);
            mock.advanceMillis(5 * 10);
            assertThat(mock.output()).contains("data:");
            assertThat(mock.server.stats.activeExchanges()).as("still dripping").isEqualTo(1);
            mock.channel.close();
            mock.advanceMillis(60_000);
            assertThat(mock.output()).isEmpty();
            assertThat(gate.settlements).as("settled once").hasSize(1);
            assertThat(mock.server.stats.activeExchanges()).isZero();
            assertThat(mock.server.stats.inFlight()).isZero();
        }
    }

    @Test
    void missingDoneEndsTheBodyAfterTheLastDelta() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/audio/speech", SSE, "x-mock-fault: missing_done"));
            mock.advanceMillis(100);
            String out = mock.output();
            assertThat(out)
                    .contains("\"type\":\"speech.audio.delta\"")
                    .doesNotContain("speech.audio.done")
                    .endsWith("\"}\n\n\r\n0\r\n\r\n");
            Settlement settled = gate.onlySettlement();
            assertThat(settled.end()).isEqualTo(Settlement.End.COMPLETED);
            assertThat(settled.usage().mediaSeconds()).isEqualTo(0.25);
        }
    }
}
