package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paced route responses on the real pipeline over an {@link
 * io.netty.channel.embedded.EmbeddedChannel} with frozen time (PARANOID leak detection, checked
 * after the class): nothing is written before its due time, each speech chunk at its own, the lag
 * of every scheduled write is recorded, and a client that goes away cancels the rest and is settled
 * exactly once.
 */
@ExtendWith(NoLeaks.class)
class RouteDeliveryTest {

    /** 1 s of speech as raw PCM: four chunks of 12,000 bytes. */
    private static final String SPEECH =
            "{\"model\":\"tts-1\",\"input\":\"Hello, world...\",\"voice\":\"alloy\","
                    + "\"response_format\":\"pcm\"}";

    private static final String CHUNK = "2ee0\r\n"; // 12,000 bytes
    private final RecordingGate gate = new RecordingGate();

    private EmbeddedMock mock() {
        MediaBehavior media =
                MediaBehavior.NO_LATENCY
                        .with(MediaBehavior.Field.SPEECH_TTFA, DistParser.durations("100ms"))
                        .with(MediaBehavior.Field.SPEECH_RTF, DistParser.counts("5"))
                        .with(MediaBehavior.Field.EMBEDDINGS_LATENCY, DistParser.durations("30ms"))
                        .with(
                                MediaBehavior.Field.EMBEDDINGS_ITEM_LATENCY,
                                DistParser.durations("10ms"));
        return new EmbeddedMock(
                EmbeddedMock.config()
                        .withGate(gate)
                        .withBehavior(Behavior.ZERO_LATENCY.withMedia(media)));
    }

    private static int chunks(String out) {
        return out.split(CHUNK, -1).length - 1;
    }

    @Test
    void speechChunksComeAtTheTtfaAndThenEveryGap() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/audio/speech", SPEECH));
            assertThat(mock.outputLatin1()).as("nothing before the TTFA").isEmpty();
            mock.advanceMillis(99);
            assertThat(mock.outputLatin1()).isEmpty();
            mock.advanceMillis(1);
            String first = mock.outputLatin1();
            assertThat(first)
                    .startsWith("HTTP/1.1 200 OK")
                    .contains("content-type: audio/pcm")
                    .contains("transfer-encoding: chunked")
                    .contains("x-request-id: ");
            assertThat(chunks(first)).isEqualTo(1);
            assertThat(mock.server.stats.inFlight()).as("counted in flight like chat").isEqualTo(1);
            for (int chunk = 2; chunk <= 4; chunk++) {
                mock.advanceMillis(49);
                assertThat(mock.outputLatin1())
                        .as("chunk %d not before 0.25 s / 5", chunk)
                        .isEmpty();
                mock.advanceMillis(1);
                String next = mock.outputLatin1();
                assertThat(chunks(next)).isEqualTo(1);
                if (chunk == 4) {
                    assertThat(next).endsWith("\r\n0\r\n\r\n");
                }
            }
            Settlement settled = gate.onlySettlement();
            assertThat(settled.end()).isEqualTo(Settlement.End.COMPLETED);
            assertThat(settled.usage().mediaSeconds()).isEqualTo(1.0);
            assertThat(settled.stream()).isTrue();
            assertThat(mock.server.lag.snapshot().getTotalCount())
                    .as("one lag sample per chunk")
                    .isEqualTo(4);
            assertThat(mock.server.stats.inFlight()).isZero();
            assertThat(mock.server.stats.settledCount(Settlement.End.COMPLETED)).isEqualTo(1);
        }
    }

    @Test
    void embeddingsAnswerWholeAfterTheLatencyPlusPerItem() {
        try (EmbeddedMock mock = mock()) {
            mock.send(
                    EmbeddedMock.post(
                            "/v1/embeddings",
                            "{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"]}"));
            mock.advanceMillis(49);
            assertThat(mock.output()).as("30 ms + 2 x 10 ms").isEmpty();
            assertThat(gate.settlements).as("settled when answered").isEmpty();
            mock.advanceMillis(1);
            String out = mock.output();
            assertThat(out)
                    .startsWith("HTTP/1.1 200 OK")
                    .contains("content-length: ")
                    .doesNotContain("chunked")
                    .contains("\"object\":\"list\"");
            assertThat(gate.onlySettlement().end()).isEqualTo(Settlement.End.COMPLETED);
            assertThat(mock.server.lag.snapshot().getTotalCount()).isEqualTo(1);
        }
    }

    @Test
    void aClientGoneMidSpeechCancelsTheRestAndIsSettledOnce() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/audio/speech", SPEECH));
            mock.advanceMillis(100);
            assertThat(chunks(mock.outputLatin1())).isEqualTo(1);
            mock.channel.close();
            mock.advanceMillis(1000);
            assertThat(mock.outputLatin1()).as("nothing after the close").isEmpty();
            Settlement settled = gate.onlySettlement();
            assertThat(settled.end()).isEqualTo(Settlement.End.CLIENT_CANCELLED);
            assertThat(settled.usage().mediaSeconds())
                    .as("one chunk of four was sent")
                    .isEqualTo(0.25);
            assertThat(mock.server.stats.settledCount(Settlement.End.CLIENT_CANCELLED))
                    .isEqualTo(1);
            assertThat(mock.server.stats.inFlight()).isZero();
        }
    }

    @Test
    void aClientGoneBeforeTheAnswerIsSettledCancelledWithThePromptOnly() {
        try (EmbeddedMock mock = mock()) {
            mock.send(
                    EmbeddedMock.post(
                            "/v1/embeddings",
                            "{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\"}"));
            mock.advanceMillis(10);
            mock.channel.close();
            mock.advanceMillis(1000);
            assertThat(mock.output()).isEmpty();
            Settlement settled = gate.onlySettlement();
            assertThat(settled.end()).isEqualTo(Settlement.End.CLIENT_CANCELLED);
            assertThat(settled.usage().promptTokens()).isEqualTo(3);
            assertThat(mock.server.lag.snapshot().getTotalCount())
                    .as("the cancelled task never ran")
                    .isZero();
        }
    }

    @Test
    void anInjectedFaultIsCountedAndAConnectResetClosesTheChannel() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/audio/speech", SPEECH, "x-mock-fault: connect_reset"));
            assertThat(mock.outputLatin1()).isEmpty();
            assertThat(mock.channel.isActive()).isFalse();
            assertThat(
                            mock.server.stats.faultCount(
                                    io.tokenbench.mock.behavior.Fault.CONNECT_RESET))
                    .isEqualTo(1);
            assertThat(gate.onlySettlement().end())
                    .isEqualTo(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
        }
    }

    @Test
    void aPipelinedRequestWaitsForThePacedAnswerBeforeIt() {
        try (EmbeddedMock mock = mock()) {
            mock.send(
                    EmbeddedMock.post("/v1/audio/speech", SPEECH)
                            + EmbeddedMock.post(
                                    "/v1/embeddings",
                                    "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}"));
            mock.advanceMillis(100 + 3 * 50);
            String speech = mock.outputLatin1();
            assertThat(speech).endsWith("\r\n0\r\n\r\n").doesNotContain("\"object\":\"list\"");
            mock.advanceMillis(39);
            assertThat(mock.output()).as("the embeddings delay starts after the speech").isEmpty();
            mock.advanceMillis(1);
            assertThat(mock.output()).contains("\"object\":\"list\"");
            assertThat(gate.settlements)
                    .extracting(Settlement::endpoint)
                    .containsExactly("/v1/audio/speech", "/v1/embeddings");
        }
    }
}
