package io.tokenbench.simulations.keys.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.Secret;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PricesAndContractTest {
    private static final CreditPrice MINIMAX = CreditPrice.of("0.6", "2.4");

    @Test
    void costIsUsageTimesPriceRoundedHalfUpPerRequest() {
        // 20 x 0.6 + 200 x 2.4 = 12 + 480
        assertThat(MINIMAX.costMicroCredits(20, 200)).isEqualTo(492);
        CreditPrice mini = CreditPrice.of("0.15", "0.6");
        assertThat(mini.costMicroCredits(3, 0)).isZero(); // 0.45
        assertThat(mini.costMicroCredits(10, 0)).isEqualTo(2); // 1.5 rounds up
    }

    @Test
    void estimateCountsAtLeast500PromptTokensAndMaxTokensOnlyWhenGiven() {
        assertThat(MINIMAX.estimateMicroCredits(20, null)).isEqualTo(300); // 500 x 0.6
        assertThat(MINIMAX.estimateMicroCredits(20, 200)).isEqualTo(780); // + 200 x 2.4
        assertThat(MINIMAX.estimateMicroCredits(1000, null)).isEqualTo(600);
    }

    @Test
    void nextLiveBoundariesAreUtcMidnightMondayAndTheFirst() {
        assertThat(LiveResetCheck.nextBoundary("daily", Instant.parse("2027-12-31T23:59:59Z")))
                .isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
        assertThat(
                        LiveResetCheck.nextBoundary(
                                "weekly", Instant.parse("2027-03-07T12:00:00Z"))) // a Sunday
                .isEqualTo(Instant.parse("2027-03-08T00:00:00Z"));
        assertThat(
                        LiveResetCheck.nextBoundary(
                                "weekly",
                                Instant.parse("2027-03-08T00:00:00Z"))) // a Monday: next one
                .isEqualTo(Instant.parse("2027-03-15T00:00:00Z"));
        assertThat(LiveResetCheck.nextBoundary("monthly", Instant.parse("2028-02-29T10:00:00Z")))
                .isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
    }

    private static CallResult refusal(int status, boolean header, String contentType, String body) {
        return new CallResult(
                status, "r1", header, contentType, -1, -1, 0, false, body, 0, 1, null);
    }

    @Test
    void theNewapiContractChecksStatusTypeCodeMessageHeaderAndBody() {
        ErrorExpectation exhausted =
                ErrorExpectation.of("newapi", ErrorExpectation.Refusal.EXHAUSTED);
        String good =
                "{\"error\":{\"message\":\"Invalid token (request id: r1)\",\"type\":\"new_api_error\",\"code\":\"\"}}";
        Secret key = Secret.of("sk-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV");
        assertThat(
                        ErrorContractCheck.judge(
                                "newapi",
                                exhausted,
                                refusal(401, true, "application/json", good),
                                key))
                .isNull();
        assertThat(
                        ErrorContractCheck.judge(
                                "newapi",
                                exhausted,
                                refusal(429, true, "application/json", good),
                                key))
                .contains("status 429");
        assertThat(
                        ErrorContractCheck.judge(
                                "newapi",
                                exhausted,
                                refusal(401, false, "application/json", good),
                                key))
                .contains("X-Oneapi-Request-Id");
        assertThat(
                        ErrorContractCheck.judge(
                                "newapi",
                                exhausted,
                                refusal(401, true, "text/event-stream", "data: " + good),
                                key))
                .contains("Content-Type");
        assertThat(
                        ErrorContractCheck.judge(
                                "newapi",
                                exhausted,
                                refusal(
                                        401,
                                        true,
                                        "application/json",
                                        good.replace(
                                                "Invalid token",
                                                "Invalid token sk-a**********STUV")),
                                key))
                .contains("echoes the key");
        assertThat(
                        ErrorContractCheck.judge(
                                "newapi",
                                exhausted,
                                refusal(
                                        401,
                                        true,
                                        "application/json",
                                        good.replace("Invalid token", "Invalid token ...OPQRSTUV")),
                                key))
                .contains("echoes the key");
        assertThat(
                        ErrorContractCheck.judge(
                                "newapi",
                                exhausted,
                                refusal(
                                        401,
                                        true,
                                        "application/json",
                                        good.replace("new_api_error", "invalid_request_error")),
                                key))
                .contains("error.type");
        ErrorExpectation preConsume =
                ErrorExpectation.of("newapi", ErrorExpectation.Refusal.PRE_CONSUME);
        assertThat(
                        ErrorContractCheck.judge(
                                "newapi",
                                preConsume,
                                refusal(403, true, "application/json", good),
                                key))
                .contains("error.code");
    }

    @Test
    void otherStylesExpectTheirOwnStatuses() {
        assertThat(ErrorExpectation.of("openai", ErrorExpectation.Refusal.EXHAUSTED).status())
                .isEqualTo(429);
        assertThat(ErrorExpectation.of("openrouter", ErrorExpectation.Refusal.EXHAUSTED).status())
                .isEqualTo(402);
        assertThat(ErrorExpectation.of("litellm", ErrorExpectation.Refusal.PRE_CONSUME).type())
                .isEqualTo("budget_exceeded");
    }
}
