package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.testing.NoLeaks;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request deadline's timer outlives the request it was set for (it is not cancelled per
 * request): a later request on the same connection still gets its own whole deadline, counted from
 * its own first byte, and expires exactly then.
 */
@ExtendWith(NoLeaks.class)
class RequestDeadlineReuseTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final String BODY =
            "{\"model\":\"tokenbench-tiny\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private final EmbeddedMock mock =
            new EmbeddedMock(
                    EmbeddedMock.config()
                            .withRequestDeadline(Duration.ofSeconds(5))
                            .withClientIdleTimeout(Duration.ofSeconds(60))
                            .withBehavior(
                                    Behavior.DEFAULT
                                            .withTtft(DistParser.durations("0ms"))
                                            .withItl(DistParser.durations("0ms"))));

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void aSlowRequestAfterAFastOneGetsItsOwnFullDeadline() {
        mock.send(EmbeddedMock.post(CHAT, BODY)).advanceMillis(3_000);
        assertThat(RawResponse.parse(mock.output()).status()).isEqualTo(200);
        String next = EmbeddedMock.post(CHAT, BODY);
        // Starts 3 s after the first request's deadline was set: its own ends at 3 s + 5 s.
        mock.send(next.substring(0, 10)).advanceMillis(2_000);
        assertThat(mock.channel.isOpen()).as("the first request's deadline passed").isTrue();
        mock.advanceMillis(2_999);
        assertThat(mock.channel.isOpen()).as("1 ms before its own deadline").isTrue();
        assertThat(mock.output()).isEmpty();
        mock.advanceMillis(1);
        assertThat(RawResponse.parse(mock.output()).status()).isEqualTo(408);
        assertThat(mock.channel.isOpen()).isFalse();
        assertThat(mock.server.stats.requestDeadlineExceededCount()).isEqualTo(1);
    }

    @Test
    void manyQuickRequestsNeverExpire() {
        for (int i = 0; i < 20; i++) {
            mock.send(EmbeddedMock.post(CHAT, BODY)).advanceMillis(1_000);
            assertThat(RawResponse.parse(mock.output()).status()).isEqualTo(200);
        }
        assertThat(mock.channel.isOpen()).isTrue();
        assertThat(mock.server.stats.requestDeadlineExceededCount()).isZero();
    }
}
