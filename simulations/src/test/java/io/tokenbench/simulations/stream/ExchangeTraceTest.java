package io.tokenbench.simulations.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Scripted exchanges, one per fault the mock injects, each classified as metrics.md names it. */
class ExchangeTraceTest {
    private static final String ROLE =
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
    private static final String FINISH =
            "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n";
    private static final String USAGE =
            "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    private static String token(String word) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word + "\"}}]}\n\n";
    }

    /** A stream: send at 0, headers at 1 ms, then each read at 10 ms + i ms. */
    private static ExchangeTrace stream(int status, String contentType, String... reads) {
        ExchangeTrace t = new ExchangeTrace(true);
        t.sent(0);
        t.headers(1_000_000, status, contentType, null, null);
        for (int i = 0; i < reads.length; i++) {
            byte[] b = reads[i].getBytes(StandardCharsets.UTF_8);
            t.body(10_000_000L + i * 1_000_000L, b, 0, b.length);
        }
        return t;
    }

    private static ExchangeTrace okStream(String... reads) {
        return stream(200, "text/event-stream; charset=utf-8", reads);
    }

    @Test
    void completeStreamIsOkWithEveryTimestamp() {
        ExchangeTrace t = okStream(ROLE, token("a"), token(" b"), token(" c"), FINISH, USAGE, DONE);
        t.end(20_000_000, EndReason.COMPLETE);
        RequestTimeline tl = t.timeline(-5_000_000);
        assertThat(tl.outcome()).isEqualTo(Outcome.OK);
        assertThat(tl.tSchedNanos()).isEqualTo(-5_000_000);
        assertThat(tl.tHdrNanos()).isEqualTo(1_000_000);
        assertThat(tl.outputEventNanos()).containsExactly(11_000_000L, 12_000_000L, 13_000_000L);
        assertThat(tl.tFirstNanos()).isEqualTo(11_000_000);
        assertThat(tl.tFirstContentNanos()).isEqualTo(11_000_000);
        assertThat(tl.tLastNanos()).isEqualTo(13_000_000);
        assertThat(tl.tDoneNanos()).isEqualTo(16_000_000);
        assertThat(tl.completionTokens()).isEqualTo(3);
        assertThat(tl.clientCountedTokens()).isEqualTo(3);
        assertThat(tl.tokenMismatch()).isFalse();
        assertThat(t.sampleText()).isEqualTo("a b c");
    }

    @Test
    void http429KeepsItsRetryAfter() {
        ExchangeTrace t = new ExchangeTrace(true);
        t.sent(0);
        t.headers(1, 429, "application/json", "1500", "2");
        t.end(2, EndReason.COMPLETE);
        assertThat(t.outcome()).isEqualTo(Outcome.HTTP_429);
        assertThat(t.timeline(RequestTimeline.ABSENT).retryAfterMillis()).isEqualTo(1500);
        ExchangeTrace seconds = new ExchangeTrace(true);
        seconds.headers(1, 429, "application/json", null, "2");
        assertThat(seconds.timeline(RequestTimeline.ABSENT).retryAfterMillis()).isEqualTo(2000);
    }

    @Test
    void otherStatusesAndConnectFailures() {
        assertThat(ended(stream(401, "application/json"), EndReason.COMPLETE))
                .isEqualTo(Outcome.HTTP_4XX);
        assertThat(ended(stream(503, "application/json"), EndReason.COMPLETE))
                .isEqualTo(Outcome.HTTP_5XX);
        ExchangeTrace reset = new ExchangeTrace(true);
        reset.sent(0);
        // reset after the request was written, before the status line: the request may have
        // reached the server, so it is not a connect failure
        assertThat(ended(reset, EndReason.RESET)).isEqualTo(Outcome.CONNECTION_LOST);
        ExchangeTrace refused = new ExchangeTrace(true);
        assertThat(ended(refused, EndReason.CONNECT_ERROR)).isEqualTo(Outcome.CONNECT_FAILED);
        assertThat(ended(stream(200, "application/json"), EndReason.COMPLETE))
                .isEqualTo(Outcome.PROTOCOL_ERROR);
    }

    @Test
    void resetMidStreamAndMissingDoneAreTruncated() {
        assertThat(ended(okStream(ROLE, token("a"), token(" b")), EndReason.RESET))
                .isEqualTo(Outcome.STREAM_TRUNCATED);
        assertThat(ended(okStream(ROLE, token("a"), FINISH, USAGE), EndReason.COMPLETE))
                .isEqualTo(Outcome.STREAM_TRUNCATED);
    }

    @Test
    void stallsAreTimeoutsByPhase() {
        assertThat(ended(okStream(ROLE), EndReason.TIMEOUT_FIRST_TOKEN))
                .isEqualTo(Outcome.TIMEOUT_FIRST_TOKEN);
        assertThat(ended(okStream(ROLE, token("a")), EndReason.TIMEOUT_IDLE))
                .isEqualTo(Outcome.TIMEOUT_IDLE);
        assertThat(ended(okStream(ROLE), EndReason.TIMEOUT_TOTAL))
                .isEqualTo(Outcome.TIMEOUT_FIRST_TOKEN);
        assertThat(ended(okStream(ROLE, token("a")), EndReason.TIMEOUT_TOTAL))
                .isEqualTo(Outcome.TIMEOUT_IDLE);
    }

    @Test
    void inBandErrorMalformedEventAndMissingUsage() {
        assertThat(
                        ended(
                                okStream(
                                        ROLE,
                                        token("a"),
                                        "data: {\"error\":{\"message\":\"boom\"}}\n\n"),
                                EndReason.COMPLETE))
                .isEqualTo(Outcome.STREAM_ERROR_EVENT);
        assertThat(
                        ended(
                                okStream(
                                        ROLE,
                                        token("a"),
                                        "data: {\"choices\":[{\"del\n\n",
                                        FINISH,
                                        DONE),
                                EndReason.COMPLETE))
                .isEqualTo(Outcome.PROTOCOL_ERROR);
        assertThat(ended(okStream(ROLE, token("a"), "data: {\"cho"), EndReason.COMPLETE))
                .isEqualTo(Outcome.PROTOCOL_ERROR);
        assertThat(ended(okStream(ROLE, token("a"), FINISH, DONE), EndReason.COMPLETE))
                .isEqualTo(Outcome.USAGE_MISSING);
        assertThat(ended(okStream(ROLE, token("a")), EndReason.CANCELLED))
                .isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void usageDisagreeingWithTheTextIsAMismatch() {
        ExchangeTrace t = okStream(ROLE, token("a"), token(" b"), FINISH, USAGE, DONE);
        t.end(30_000_000, EndReason.COMPLETE);
        assertThat(t.timeline(RequestTimeline.ABSENT).tokenMismatch())
                .isTrue(); // server says 3, text has 2
    }

    @Test
    void nonStreamedBodyHasHeadersAndDoneButNoTokenTimes() {
        ExchangeTrace t = new ExchangeTrace(false);
        t.sent(0);
        t.headers(4_000_000, 200, "application/json", null, null);
        byte[] b =
                ("{\"choices\":[{\"index\":0,\"message\":{\"content\":\"x y\"},\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}")
                        .getBytes(StandardCharsets.UTF_8);
        t.body(5_000_000, b, 0, 10);
        t.body(6_000_000, b, 10, b.length - 10);
        t.end(7_000_000, EndReason.COMPLETE);
        RequestTimeline tl = t.timeline(RequestTimeline.ABSENT);
        assertThat(tl.outcome()).isEqualTo(Outcome.OK);
        assertThat(tl.tDoneNanos()).isEqualTo(7_000_000);
        assertThat(tl.tFirstNanos()).isEqualTo(RequestTimeline.ABSENT);
        assertThat(tl.completionTokens()).isEqualTo(2);
    }

    @Test
    void aLongStreamKeepsEveryEventTimeWhateverItsGrowth() {
        ExchangeTrace t = new ExchangeTrace(true);
        t.sent(0);
        t.headers(1_000_000, 200, "text/event-stream", null, null);
        long[] expected = new long[200];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = 2_000_000L + i * 1_000L;
            byte[] b = token(i == 0 ? "w" : " w").getBytes(StandardCharsets.UTF_8);
            t.body(expected[i], b, 0, b.length);
        }
        byte[] done = DONE.getBytes(StandardCharsets.UTF_8);
        t.body(9_000_000, done, 0, done.length);
        t.end(9_000_000, EndReason.COMPLETE);
        RequestTimeline tl = t.timeline(RequestTimeline.ABSENT);
        assertThat(tl.outputEventNanos()).containsExactly(expected);
        assertThat(tl.clientCountedTokens()).isEqualTo(200);
        assertThat(t.sampleText()).hasSize(2 * 200 - 1);
    }

    @Test
    void withoutSampleTheTraceIsTheSameButKeepsNoText() {
        String[] reads = {ROLE, token("a"), token(" b"), FINISH, USAGE, DONE};
        ExchangeTrace kept = new ExchangeTrace(true, false, true);
        ExchangeTrace notKept = new ExchangeTrace(true, false, false);
        for (ExchangeTrace t : new ExchangeTrace[] {kept, notKept}) {
            t.sent(0);
            t.headers(1_000_000, 200, "text/event-stream", null, null);
            for (int i = 0; i < reads.length; i++) {
                byte[] b = reads[i].getBytes(StandardCharsets.UTF_8);
                t.body(2_000_000L + i, b, 0, b.length);
            }
            t.end(3_000_000, EndReason.COMPLETE);
        }
        assertThat(kept.sampleText()).isEqualTo("a b");
        assertThat(notKept.sampleText()).isEmpty();
        assertThat(notKept.timeline(7)).usingRecursiveComparison().isEqualTo(kept.timeline(7));
    }

    private static Outcome ended(ExchangeTrace t, EndReason reason) {
        t.end(99_000_000, reason);
        return t.outcome();
    }

    @Test
    void sampledHeadersAreLookedUpOnlyWhenAskedForAndKeepTheirOrder() {
        java.util.List<String> lookups = new java.util.ArrayList<>();
        java.util.Map<String, String> response =
                java.util.Map.of(
                        "content-type", "application/json",
                        "x-request-id", "req-1",
                        "retry-after", "2",
                        "set-cookie", "not sampled");
        ExchangeTrace t = new ExchangeTrace(false);
        t.sent(0);
        t.response(
                1_000_000,
                429,
                name -> {
                    lookups.add(name);
                    return response.get(name);
                });
        java.util.List<String> atResponse = java.util.List.copyOf(lookups);

        assertThat(t.retryAfterMillis()).isEqualTo(2_000);
        assertThat(t.sampledHeaders())
                .containsExactly(
                        java.util.Map.entry("retry-after", "2"),
                        java.util.Map.entry("x-request-id", "req-1"));
        assertThat(atResponse).doesNotContain("x-request-id", "cf-ray");
        assertThat(lookups).contains("x-request-id", "cf-ray");
        assertThat(t.sampledHeaders()).isSameAs(t.sampledHeaders());
    }
}
