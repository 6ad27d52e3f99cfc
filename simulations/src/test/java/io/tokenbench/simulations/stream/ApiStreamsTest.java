package io.tokenbench.simulations.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Completions and Responses API streams and bodies (wire shapes from the reference captures): the
 * first token is the first text chunk / first {@code response.output_text.delta}, usage comes from
 * the usage chunk / terminal event, and a Responses stream ends without {@code [DONE]}.
 */
class ApiStreamsTest {

    /** A stream: send at 0, headers at 1 ms, read i at 10 ms + i ms. */
    private static ExchangeTrace stream(String... reads) {
        ExchangeTrace t = new ExchangeTrace(true);
        t.sent(0);
        t.headers(1_000_000, 200, "text/event-stream", null, null);
        for (int i = 0; i < reads.length; i++) {
            byte[] b = reads[i].getBytes(StandardCharsets.UTF_8);
            t.body(10_000_000L + i * 1_000_000L, b, 0, b.length);
        }
        return t;
    }

    private static String completionChunk(String text, String finish) {
        return "data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"text\":\""
                + text
                + "\",\"index\":0,\"logprobs\":null,\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"")
                + "}],\"usage\":null}\n\n";
    }

    private static String event(String type, String json) {
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\"," + json + "}\n\n";
    }

    @Test
    void completionsStreamTimesEveryTextChunkAndTakesUsageFromTheLastChunk() {
        ExchangeTrace t =
                stream(
                        completionChunk("This", null),
                        completionChunk(" is", null),
                        completionChunk(" a test", "length"),
                        "data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[],"
                                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4,"
                                + "\"total_tokens\":9}}\n\n",
                        "data: [DONE]\n\n");
        t.end(20_000_000, EndReason.COMPLETE);
        RequestTimeline tl = t.timeline(RequestTimeline.ABSENT);
        assertThat(tl.outcome()).isEqualTo(Outcome.OK);
        assertThat(tl.tFirstNanos()).isEqualTo(10_000_000);
        assertThat(tl.outputEventNanos()).containsExactly(10_000_000L, 11_000_000L, 12_000_000L);
        assertThat(tl.completionTokens()).isEqualTo(4);
        assertThat(t.sampleText()).isEqualTo("This is a test");
    }

    @Test
    void responsesStreamStartsAtTheFirstTextDeltaAndEndsAtTheTerminalEvent() {
        ExchangeTrace t =
                stream(
                        event(
                                "response.created",
                                "\"sequence_number\":0,\"response\":{\"id\":\"resp_1\","
                                        + "\"status\":\"in_progress\",\"usage\":null,\"error\":null}"),
                        event("response.in_progress", "\"sequence_number\":1,\"response\":{}")
                                + event(
                                        "response.output_item.added",
                                        "\"sequence_number\":2,\"output_index\":0,\"item\":{}"),
                        event(
                                "response.output_text.delta",
                                "\"sequence_number\":3,\"item_id\":\"msg_1\",\"output_index\":0,"
                                        + "\"content_index\":0,\"delta\":\"Hello\",\"logprobs\":[]"),
                        event(
                                "response.output_text.delta",
                                "\"sequence_number\":4,\"item_id\":\"msg_1\",\"output_index\":0,"
                                        + "\"content_index\":0,\"delta\":\", World!\",\"logprobs\":[]"),
                        event(
                                        "response.output_text.done",
                                        "\"sequence_number\":5,\"text\":\"Hello, World!\"")
                                + event(
                                        "response.completed",
                                        "\"sequence_number\":6,\"response\":{\"id\":\"resp_1\","
                                                + "\"status\":\"completed\",\"usage\":{"
                                                + "\"input_tokens\":12,\"output_tokens\":2,"
                                                + "\"total_tokens\":14}}"));
        t.end(30_000_000, EndReason.COMPLETE);
        RequestTimeline tl = t.timeline(RequestTimeline.ABSENT);
        assertThat(tl.outcome()).isEqualTo(Outcome.OK);
        assertThat(tl.tFirstNanos()).isEqualTo(12_000_000); // the first text delta's read
        assertThat(tl.outputEventNanos()).containsExactly(12_000_000L, 13_000_000L);
        assertThat(tl.tDoneNanos()).isEqualTo(14_000_000); // the terminal event, no [DONE]
        assertThat(tl.promptTokens()).isEqualTo(12);
        assertThat(tl.completionTokens()).isEqualTo(2);
        assertThat(t.sampleText()).isEqualTo("Hello, World!"); // the done event adds nothing
    }

    @Test
    void responsesStreamWithoutTerminalEventIsTruncatedAndFailedIsAnErrorEvent() {
        ExchangeTrace cut =
                stream(event("response.output_text.delta", "\"delta\":\"Hi\",\"logprobs\":[]"));
        cut.end(20_000_000, EndReason.COMPLETE);
        assertThat(cut.outcome()).isEqualTo(Outcome.STREAM_TRUNCATED);

        ExchangeTrace failed =
                stream(
                        event("response.output_text.delta", "\"delta\":\"Hi\",\"logprobs\":[]"),
                        event(
                                "response.failed",
                                "\"response\":{\"status\":\"failed\",\"error\":{\"code\":"
                                        + "\"server_error\",\"message\":\"upstream broke\"}}"));
        failed.end(20_000_000, EndReason.COMPLETE);
        assertThat(failed.outcome()).isEqualTo(Outcome.STREAM_ERROR_EVENT);
        assertThat(failed.detail()).isEqualTo("upstream broke");
    }

    @Test
    void nonStreamedCompletionAndResponseBodiesGiveTextAndUsage() {
        Chunk completion =
                ChunkParser.parseBody(
                        "{\"object\":\"text_completion\",\"choices\":[{\"text\":\"Hi there\","
                                + "\"index\":0,\"finish_reason\":\"stop\"}],\"usage\":{"
                                + "\"prompt_tokens\":3,\"completion_tokens\":2}}");
        assertThat(completion).isEqualTo(new Chunk.Delta("Hi there", "", 0, "stop", 3, 2));
        Chunk response =
                ChunkParser.parseBody(
                        "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"incomplete\","
                                + "\"output\":[{\"type\":\"message\",\"content\":[{\"type\":"
                                + "\"output_text\",\"text\":\"Hello\",\"annotations\":[]}]}],"
                                + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1,"
                                + "\"total_tokens\":13}}");
        assertThat(response).isEqualTo(new Chunk.Delta("Hello", "", 0, "incomplete", 12, 1));
    }
}
