package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.simulations.config.Api;
import org.junit.jupiter.api.Test;

/** The pre-flight knows an OpenAI answer of each --api, streamed or not, and nothing else. */
class PreflightAnswerTest {

    @Test
    void chatAndCompletionsAnswersCarryChoices() {
        String sse = "data: {\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n";
        assertThat(Preflight.looksLikeOpenAi(Api.CHAT, true, "text/event-stream", sse)).isTrue();
        assertThat(Preflight.looksLikeOpenAi(Api.COMPLETIONS, true, "text/event-stream", sse))
                .isTrue();
        assertThat(
                        Preflight.looksLikeOpenAi(
                                Api.CHAT, false, "application/json", "{\"choices\":[]}"))
                .isTrue();
        assertThat(Preflight.looksLikeOpenAi(Api.CHAT, false, "text/html", "<html>choices"))
                .isFalse();
    }

    @Test
    void responsesAnswersAreTypedEventsOrAnOutputObject() {
        String sse =
                "event: response.created\n"
                        + "data: {\"type\":\"response.created\",\"sequence_number\":0}\n";
        assertThat(Preflight.looksLikeOpenAi(Api.RESPONSES, true, "text/event-stream", sse))
                .isTrue();
        assertThat(
                        Preflight.looksLikeOpenAi(
                                Api.RESPONSES,
                                false,
                                "application/json",
                                "{\"object\":\"response\",\"output\":[]}"))
                .isTrue();
        // a chat answer from a gateway that ignores the path is not a Responses answer
        assertThat(
                        Preflight.looksLikeOpenAi(
                                Api.RESPONSES, false, "application/json", "{\"choices\":[]}"))
                .isFalse();
    }
}
