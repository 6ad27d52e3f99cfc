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
 * Hostile clients without sockets: the whole-request deadline, malformed request targets, the one
 * cap on header durations. Virtual time on an {@code EmbeddedChannel}.
 */
@ExtendWith(NoLeaks.class)
class HostileInputTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final String BODY =
            "{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
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
    void aClientTricklingOneByteASecondGets408AtTheDeadlineAndIsCounted() {
        String head = EmbeddedMock.post(CHAT, BODY);
        for (int i = 0; i < 4; i++) {
            mock.send(head.substring(i, i + 1)).advanceMillis(1_000);
        }
        mock.send(head.substring(4, 5)).advanceMillis(999);
        assertThat(mock.channel.isOpen()).as("before the deadline").isTrue();
        assertThat(mock.output()).isEmpty();

        mock.advanceMillis(1);
        RawResponse response = RawResponse.parse(mock.output());
        assertThat(response.status()).isEqualTo(408);
        assertThat(response.header("connection")).isEqualTo("close");
        assertThat(response.error().get("code").asText()).isEqualTo("request_timeout");
        assertThat(response.error().get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(mock.channel.isOpen()).isFalse();
        assertThat(mock.server.stats.requestDeadlineExceededCount()).isEqualTo(1);
    }

    @Test
    void aTruncatedBodyIsClosedAtTheDeadlineToo() {
        String request = EmbeddedMock.post(CHAT, BODY);
        mock.send(request.substring(0, request.length() - 3)).advanceMillis(5_000);
        assertThat(RawResponse.parse(mock.output()).status()).isEqualTo(408);
        assertThat(mock.channel.isOpen()).isFalse();
    }

    @Test
    void keepAliveIdleBetweenRequestsIsNotCutByTheDeadline() {
        mock.send(EmbeddedMock.post(CHAT, BODY)).advanceMillis(0);
        assertThat(RawResponse.parse(mock.output()).status()).isEqualTo(200);
        mock.advanceMillis(30_000); // six deadlines, idle between requests
        assertThat(mock.channel.isOpen()).isTrue();
        mock.send(EmbeddedMock.post(CHAT, BODY)).advanceMillis(0);
        assertThat(RawResponse.parse(mock.output()).status()).isEqualTo(200);
        assertThat(mock.server.stats.requestDeadlineExceededCount()).isZero();
        mock.advanceMillis(60_000);
        assertThat(mock.channel.isOpen()).as("the idle timeout still closes").isFalse();
    }

    @Test
    void aRequestCompletedInTimeIsAnsweredNormally() {
        String request = EmbeddedMock.post(CHAT, BODY);
        mock.send(request.substring(0, 10)).advanceMillis(4_999);
        mock.send(request.substring(10)).advanceMillis(10_000);
        assertThat(RawResponse.parse(mock.output()).status()).isEqualTo(200);
        assertThat(mock.channel.isOpen()).isTrue();
        assertThat(mock.server.stats.requestDeadlineExceededCount()).isZero();
    }

    @Test
    void aTooLongChunkSizeLineIs400NotUriTooLong() {
        RawResponse response =
                RawResponse.parse(
                        mock.send(
                                        "POST /v1/chat/completions HTTP/1.1\r\nHost: m\r\n"
                                                + "Transfer-Encoding: chunked\r\n\r\n5;"
                                                + "e".repeat(10_000)
                                                + "\r\nhello\r\n0\r\n\r\n")
                                .output());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().get("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void theDeadlineDoesNotRunWhileTheMockPausedReading() {
        String request = EmbeddedMock.post(CHAT, BODY);
        mock.send(request.substring(0, 10));
        mock.channel.config().setAutoRead(false); // as when pipelined requests fill the queue
        mock.advanceMillis(12_000);
        assertThat(mock.channel.isOpen()).isTrue();
        assertThat(mock.server.stats.requestDeadlineExceededCount()).isZero();
        mock.channel.config().setAutoRead(true);
        mock.advanceMillis(5_000);
        assertThat(RawResponse.parse(mock.output()).status()).isEqualTo(408);
        assertThat(mock.server.stats.requestDeadlineExceededCount()).isEqualTo(1);
    }

    @Test
    void aBadPercentEscapeInThePathIs400() {
        RawResponse response =
                RawResponse.parse(mock.send(EmbeddedMock.post("/%ZZ", BODY)).output());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().get("code").asText()).isEqualTo("invalid_path");
        assertThat(response.header("x-request-id")).startsWith("req_");
    }

    @Test
    void aBadPercentEscapeInAnAdminQueryIs400() {
        RawResponse response =
                RawResponse.parse(
                        mock.send(
                                        "GET /admin/stats?x=%G1 HTTP/1.1\r\nHost: m\r\n"
                                                + "Authorization: Bearer admin-test-token\r\n\r\n")
                                .output());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error().get("code").asText()).isEqualTo("invalid_path");
    }

    @Test
    void aStallLongerThanTheCapIs400NamingTheHeader() {
        RawResponse response =
                RawResponse.parse(
                        mock.send(EmbeddedMock.post(CHAT, BODY, "x-mock-fault: stall:1000000s"))
                                .output());
        assertThat(response.status()).isEqualTo(400);
        String message = response.error().get("message").asText();
        assertThat(message).contains("x-mock-fault").contains("[0, 1h]");
    }

    @Test
    void latencyHeadersAndFaultDurationsShareTheOneCapAndMessage() {
        String ttft = errorMessage("x-mock-ttft-ms: 3600001");
        String drip = errorMessage("x-mock-fault: slow_drip:7200s");
        assertThat(ttft).startsWith("Invalid x-mock-ttft-ms header: ");
        assertThat(drip).startsWith("Invalid x-mock-fault header: ");
        assertThat(ttft.substring(ttft.indexOf(": ")))
                .isEqualTo(
                        ": durations a header can ask for are in [0, 1h] (at most 3600000 ms), got '3600001'");
        assertThat(drip.substring(drip.indexOf(": ")))
                .isEqualTo(
                        ": durations a header can ask for are in [0, 1h] (at most 3600000 ms), got 'slow_drip:7200s'");
        RawResponse atCap =
                RawResponse.parse(
                        mock.send(EmbeddedMock.post(CHAT, BODY, "x-mock-fault: stall:3600s"))
                                .advanceMillis(2 * 3_600_000)
                                .output());
        assertThat(atCap.status()).as("exactly the cap is allowed").isEqualTo(200);
    }

    private String errorMessage(String header) {
        RawResponse response =
                RawResponse.parse(mock.send(EmbeddedMock.post(CHAT, BODY, header)).output());
        assertThat(response.status()).isEqualTo(400);
        return response.error().get("message").asText();
    }
}
