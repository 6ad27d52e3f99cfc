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
 * The submit → accepted delay of video submissions ({@code video_accept}, {@code
 * x-mock-latency-ms}) on the real pipeline over an {@link
 * io.netty.channel.embedded.EmbeddedChannel} with frozen time (PARANOID leak detection): the answer
 * is not written before its due time, the submission is billed when it is written, and a client
 * gone before the answer withdraws the job (not billed, its idempotency key forgotten).
 */
@ExtendWith(NoLeaks.class)
class VideoAcceptDeliveryTest {

    private static final String VIDEO =
            "{\"model\":\"sora-2\",\"prompt\":\"a kite\",\"seconds\":\"4\"}";
    private static final String KLING = "{\"prompt\":\"a kite\",\"duration\":\"5\"}";
    private final RecordingGate gate = new RecordingGate();

    private EmbeddedMock mock() {
        MediaBehavior media =
                MediaBehavior.NO_LATENCY.with(
                        MediaBehavior.Field.VIDEO_ACCEPT, DistParser.durations("300ms"));
        return new EmbeddedMock(
                EmbeddedMock.config()
                        .withGate(gate)
                        .withBehavior(Behavior.ZERO_LATENCY.withMedia(media)));
    }

    @Test
    void aSubmissionIsAnsweredAfterTheAcceptDelayAndBilledThen() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/videos", VIDEO));
            mock.advanceMillis(299);
            assertThat(mock.output()).as("nothing before video_accept").isEmpty();
            assertThat(gate.settlements).as("settled when answered").isEmpty();
            assertThat(mock.server.stats.inFlight()).isEqualTo(1);
            mock.advanceMillis(1);
            String out = mock.output();
            assertThat(out)
                    .startsWith("HTTP/1.1 200 OK")
                    .contains("\"status\":\"queued\"")
                    .contains("openai-poll-after-ms: 1000");
            Settlement settled = gate.onlySettlement();
            assertThat(settled.end()).isEqualTo(Settlement.End.COMPLETED);
            assertThat(settled.usage().mediaSeconds()).isEqualTo(4.0);
            assertThat(mock.server.lag.snapshot().getTotalCount())
                    .as("one scheduled write")
                    .isEqualTo(1);
            assertThat(mock.server.stats.inFlight()).isZero();
        }
    }

    @Test
    void theLatencyHeaderReplacesTheDrawOnTheKlingRouteToo() {
        try (EmbeddedMock mock = mock()) {
            mock.send(
                    EmbeddedMock.post(
                            "/kling/v1/videos/text2video", KLING, "x-mock-latency-ms: 500"));
            mock.advanceMillis(499);
            assertThat(mock.output()).isEmpty();
            mock.advanceMillis(1);
            assertThat(mock.output())
                    .startsWith("HTTP/1.1 200 OK")
                    .contains("\"task_status\":\"submitted\"");
            assertThat(gate.onlySettlement().usage().mediaSeconds()).isEqualTo(5.0);
        }
    }

    @Test
    void aLookupIsNotDelayed() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/videos", VIDEO));
            mock.advanceMillis(300);
            String id = idOf(mock.output());
            mock.send(
                    "GET /v1/videos/"
                            + id
                            + " HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer sk-tokenbench-local"
                            + "\r\n\r\n");
            assertThat(mock.output())
                    .as("answered without advancing time")
                    .startsWith("HTTP/1.1 200 OK")
                    .contains("\"id\":\"" + id + "\"");
        }
    }

    @Test
    void aClientGoneBeforeTheAcceptWithdrawsTheJob() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/videos", VIDEO, "Idempotency-Key: job-1"));
            mock.advanceMillis(100);
            mock.channel.close();
            mock.advanceMillis(1000);
            assertThat(mock.output()).isEmpty();
            Settlement cancelled = gate.onlySettlement();
            assertThat(cancelled.end()).isEqualTo(Settlement.End.CLIENT_CANCELLED);
            assertThat(cancelled.usage().mediaSeconds())
                    .as("never accepted, never billed")
                    .isZero();
            assertThat(mock.server.lag.snapshot().getTotalCount())
                    .as("the cancelled write never ran")
                    .isZero();

            try (EmbeddedMock again = mock.anotherConnection()) {
                again.send(EmbeddedMock.post("/v1/videos", VIDEO, "Idempotency-Key: job-1"));
                again.advanceMillis(300);
                assertThat(again.output())
                        .startsWith("HTTP/1.1 200 OK")
                        .contains("\"status\":\"queued\"");
                assertThat(gate.settlements).hasSize(2);
                assertThat(gate.settlements.get(1).usage().mediaSeconds())
                        .as("a new job, billed: the withdrawn one's idempotency key was forgotten")
                        .isEqualTo(4.0);
            }
        }
    }

    @Test
    void anIdempotentResubmissionIsDelayedTooAndNotBilledTwice() {
        try (EmbeddedMock mock = mock()) {
            mock.send(EmbeddedMock.post("/v1/videos", VIDEO, "Idempotency-Key: job-2"));
            mock.advanceMillis(300);
            String first = mock.output();
            mock.send(EmbeddedMock.post("/v1/videos", VIDEO, "Idempotency-Key: job-2"));
            mock.advanceMillis(299);
            assertThat(mock.output()).isEmpty();
            mock.advanceMillis(1);
            String second = mock.output();
            assertThat(idOf(second)).isEqualTo(idOf(first));
            assertThat(gate.settlements)
                    .extracting(s -> s.usage().mediaSeconds())
                    .containsExactly(4.0, 0.0);
        }
    }

    private static String idOf(String response) {
        String rest = response.substring(response.indexOf("\"id\":\"") + 6);
        return rest.substring(0, rest.indexOf('"'));
    }
}
