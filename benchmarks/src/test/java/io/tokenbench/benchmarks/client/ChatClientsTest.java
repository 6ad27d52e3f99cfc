package io.tokenbench.benchmarks.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.benchmarks.target.Endpoint;
import io.tokenbench.benchmarks.target.TargetKind;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every client against the in-process mock on a loopback port: token counts, and failures that must
 * throw.
 */
class ChatClientsTest {

    private static final int TOKENS = 16;

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void completeReturnsTheCompletionTokens(ClientKind kind) {
        try (MockUpstream mock = mock(FaultSettings.NONE);
                ChatClient client = open(kind, mock, MockConfig.DEFAULT_API_KEY)) {
            assertThat(client.complete()).isEqualTo(TOKENS);
            assertThat(client.complete())
                    .as("second call on a reused connection")
                    .isEqualTo(TOKENS);
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void streamCountsOneTokenPerContentEvent(ClientKind kind) {
        try (MockUpstream mock = mock(FaultSettings.NONE);
                ChatClient client = open(kind, mock, MockConfig.DEFAULT_API_KEY)) {
            for (int i = 0; i < 3; i++) {
                try (StreamCall call = client.stream()) {
                    call.awaitFirstContent();
                    assertThat(call.awaitEnd()).isEqualTo(TOKENS);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void aRejectedKeyThrowsWithoutTheKey(ClientKind kind) {
        String wrongKey = "sk-wrong-key-for-test";
        try (MockUpstream mock = mock(FaultSettings.NONE);
                ChatClient client = open(kind, mock, wrongKey)) {
            assertThatThrownBy(client::complete)
                    .isInstanceOf(ChatFailure.class)
                    .hasMessageContaining("401")
                    .hasMessageNotContaining(wrongKey);
            assertThatThrownBy(client::stream)
                    .isInstanceOf(ChatFailure.class)
                    .hasMessageContaining("401")
                    .hasMessageNotContaining(wrongKey);
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void anErrorEventInTheStreamThrows(ClientKind kind) {
        try (MockUpstream mock = mock(always(Fault.STREAM_ERROR_EVENT));
                ChatClient client = open(kind, mock, MockConfig.DEFAULT_API_KEY)) {
            assertThatThrownBy(
                            () -> {
                                try (StreamCall call = client.stream()) {
                                    call.awaitEnd();
                                }
                            })
                    .isInstanceOf(ChatFailure.class);
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void aStreamCutByResetThrows(ClientKind kind) {
        try (MockUpstream mock = mock(always(Fault.STREAM_RESET));
                ChatClient client = open(kind, mock, MockConfig.DEFAULT_API_KEY)) {
            assertThatThrownBy(
                            () -> {
                                try (StreamCall call = client.stream()) {
                                    call.awaitEnd();
                                }
                            })
                    .isInstanceOf(ChatFailure.class);
        }
    }

    private static FaultSettings always(Fault fault) {
        return new FaultSettings(List.of(new FaultSettings.Weighted(FaultSpec.of(fault), 1.0)));
    }

    private static MockUpstream mock(FaultSettings faults) {
        return MockUpstream.start(
                MockConfig.defaults()
                        .withPort(0)
                        .withIoThreads(1)
                        .withShutdownGrace(Duration.ofMillis(500))
                        .withBehavior(TargetKind.MOCK_ZERO.mockBehavior(TOKENS))
                        .withFaults(faults));
    }

    private static ChatClient open(ClientKind kind, MockUpstream mock, String apiKey) {
        Endpoint endpoint =
                new Endpoint(URI.create(mock.baseUrl() + "/v1"), apiKey, "gpt-4o-mini", true);
        return kind.open(
                endpoint, new ChatPrompt(endpoint.model(), ChatPrompt.DEFAULT_USER_TEXT, TOKENS));
    }
}
