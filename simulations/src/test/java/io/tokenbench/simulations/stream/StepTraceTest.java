package io.tokenbench.simulations.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Media exchanges are named by the chat outcome rules; SSE payloads carry the time of their read.
 */
class StepTraceTest {

    private static StepTrace answered(int status, Map<String, String> headers) {
        StepTrace t = new StepTrace();
        t.sent(100);
        t.response(200, status, headers::get);
        return t;
    }

    @Test
    void aCompleteValidAnswerIsOkAndABrokenOneAProtocolError() {
        StepTrace t =
                answered(
                        200,
                        Map.of("content-type", "application/json", "openai-poll-after-ms", "1000"));
        t.body(300, "{}".getBytes(StandardCharsets.UTF_8), 0, 2);
        t.end(310, EndReason.COMPLETE);
        assertThat(t.outcome(true)).isEqualTo(Outcome.OK);
        assertThat(t.outcome(false)).isEqualTo(Outcome.PROTOCOL_ERROR);
        assertThat(t.pollAfterMillis()).isEqualTo(1000);
        assertThat(t.firstByteNanos()).isEqualTo(300);
        assertThat(t.endNanos()).isEqualTo(310);
        assertThat(t.bodyText()).isEqualTo("{}");
    }

    @Test
    void httpErrorsResetsAndTimeoutsKeepTheirNames() {
        StepTrace limited = answered(429, Map.of("retry-after-ms", "1500"));
        limited.end(400, EndReason.COMPLETE);
        assertThat(limited.outcome(false)).isEqualTo(Outcome.HTTP_429);
        assertThat(limited.retryAfterMillis()).isEqualTo(1500);

        StepTrace server = answered(503, Map.of());
        server.end(400, EndReason.COMPLETE);
        assertThat(server.outcome(false)).isEqualTo(Outcome.HTTP_5XX);

        StepTrace refused = new StepTrace();
        refused.sent(100);
        refused.end(101, EndReason.CONNECT_ERROR);
        assertThat(refused.outcome(false)).isEqualTo(Outcome.CONNECT_FAILED);

        StepTrace cut = answered(200, Map.of());
        cut.body(300, new byte[10], 0, 10);
        cut.end(301, EndReason.RESET);
        assertThat(cut.outcome(true))
                .isEqualTo(Outcome.STREAM_TRUNCATED); // the body is never judged valid

        StepTrace silent = new StepTrace();
        silent.sent(100);
        silent.end(200, EndReason.TIMEOUT_FIRST_TOKEN);
        assertThat(silent.outcome(false)).isEqualTo(Outcome.TIMEOUT_FIRST_TOKEN);

        StepTrace stalled = answered(200, Map.of());
        stalled.end(900, EndReason.TIMEOUT_IDLE);
        assertThat(stalled.outcome(true)).isEqualTo(Outcome.TIMEOUT_IDLE);
    }

    @Test
    void sseEventsCarryTheTimeOfTheReadThatCompletedThem() {
        List<Long> times = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        StepTrace t =
                new StepTrace(
                        (nanos, payload) -> {
                            times.add(nanos);
                            payloads.add(payload);
                        });
        t.sent(0);
        t.response(10, 200, Map.of("content-type", "text/event-stream")::get);
        byte[] first = "data: {\"a\":1}\n\ndata: {\"b\"".getBytes(StandardCharsets.UTF_8);
        byte[] second = ":2}\n\n".getBytes(StandardCharsets.UTF_8);
        t.body(50, first, 0, first.length);
        t.body(80, second, 0, second.length);
        t.end(81, EndReason.COMPLETE);
        assertThat(payloads).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(times).containsExactly(50L, 80L);
        assertThat(t.streamOutcome(2, true, false, false)).isEqualTo(Outcome.OK);
        assertThat(t.streamOutcome(2, false, false, false)).isEqualTo(Outcome.STREAM_TRUNCATED);
        assertThat(t.streamOutcome(1, true, true, false)).isEqualTo(Outcome.STREAM_ERROR_EVENT);
        assertThat(RequestTimeline.present(t.headersNanos())).isTrue();
    }
}
