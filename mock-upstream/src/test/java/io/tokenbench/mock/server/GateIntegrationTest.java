package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP layer's contract with a pluggable gate: what it is asked, what it may answer,
 * settlement.
 */
@ExtendWith(NoLeaks.class)
class GateIntegrationTest {

    private static final Behavior FIVE_TOKENS =
            Behavior.ZERO_LATENCY.withOutputTokens(DistParser.counts("5"));

    /** Rejects keys starting with "sk-poor", caps output at 2 tokens for the rest. */
    private static final class CappingGate implements RequestGate {
        final List<AdmissionRequest> admissions = new CopyOnWriteArrayList<>();
        final List<Settlement> settlements = new CopyOnWriteArrayList<>();

        @Override
        public Admission admit(AdmissionRequest request) {
            admissions.add(request);
            if (request.bearerToken() != null && request.bearerToken().startsWith("sk-poor")) {
                return new Admission.Rejected(
                        402,
                        Map.of("x-custom-style", "openrouter"),
                        "{\"error\":{\"message\":\"Insufficient credits\",\"code\":402}}"
                                .getBytes(StandardCharsets.UTF_8));
            }
            return new Admission.Admitted("k1", "capped", 1234, 2);
        }

        @Override
        public void settle(Settlement settlement) {
            settlements.add(settlement);
        }
    }

    @Test
    void rejectionIsWrittenVerbatimAsPlainJsonEvenForStreams() {
        CappingGate gate = new CappingGate();
        try (EmbeddedMock mock =
                new EmbeddedMock(EmbeddedMock.config().withGate(gate).withBehavior(FIVE_TOKENS))) {
            String wire =
                    mock.send(
                                    EmbeddedMock.post(
                                                    "/v1/chat/completions",
                                                    "{\"model\":\"MiniMax-M3\",\"stream\":true,"
                                                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                                            .replace("sk-tokenbench-local", "sk-poor-1"))
                            .output();
            RawResponse response = RawResponse.parse(wire);
            assertThat(response.status()).isEqualTo(402);
            assertThat(response.header("x-custom-style")).isEqualTo("openrouter");
            assertThat(response.header("content-type")).isEqualTo("application/json");
            assertThat(response.header("x-request-id")).startsWith("req_");
            assertThat(response.body())
                    .isEqualTo("{\"error\":{\"message\":\"Insufficient credits\",\"code\":402}}");
            assertThat(wire).doesNotContain("data:");
            AdmissionRequest asked = gate.admissions.get(0);
            assertThat(asked.stream()).isTrue();
            assertThat(asked.bearerToken()).isEqualTo("sk-poor-1");
            assertThat(asked.promptTokens()).isEqualTo(3 + 4 + 1);
            assertThat(asked.requestId()).isEqualTo(response.header("x-request-id"));
            assertThat(gate.settlements).isEmpty();
        }
    }

    @Test
    void outputCapEndsWithLengthAndSettlesOnceWithTheEmittedTokens() {
        CappingGate gate = new CappingGate();
        try (EmbeddedMock mock =
                new EmbeddedMock(EmbeddedMock.config().withGate(gate).withBehavior(FIVE_TOKENS))) {
            String wire =
                    mock.send(
                                            EmbeddedMock.post(
                                                    "/v1/chat/completions",
                                                    "{\"model\":\"MiniMax-M3\",\"stream\":true,"
                                                            + "\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                    .output()
                            + mock.advanceMillis(100).output();
            assertThat(wire).contains("\"finish_reason\":\"length\"").contains("data: [DONE]");
            assertThat(wire.split(java.util.regex.Pattern.quote("\"delta\":{\"content\":\""), -1))
                    .hasSize(3); // two content events
            Settlement settlement = gate.settlements.get(0);
            assertThat(gate.settlements).hasSize(1);
            assertThat(settlement.end()).isEqualTo(Settlement.End.COMPLETED);
            assertThat(settlement.usage().completionTokens()).isEqualTo(2);
            assertThat(settlement.admitted().reservedMicroCredits()).isEqualTo(1234);
            assertThat(settlement.stream()).isTrue();
            assertThat(settlement.status()).isEqualTo(200);
            assertThat(gate.admissions.get(0).maxOutputTokens()).hasValue(100);
        }
    }

    @Test
    void modelsAreAdmittedWithoutAModelAndSettledWithoutUsage() {
        CappingGate gate = new CappingGate();
        try (EmbeddedMock mock = new EmbeddedMock(EmbeddedMock.config().withGate(gate))) {
            RawResponse response =
                    RawResponse.parse(
                            mock.send(
                                            "GET /v1/models HTTP/1.1\r\nHost: x\r\n"
                                                    + "Authorization: Bearer sk-any\r\n\r\n")
                                    .output());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("object").asText()).isEqualTo("list");
            assertThat(gate.admissions.get(0).model()).isNull();
            assertThat(gate.admissions.get(0).endpoint()).isEqualTo("/v1/models");
            assertThat(gate.settlements.get(0).usage()).isEqualTo(Settlement.Usage.NONE);
        }
    }
}
