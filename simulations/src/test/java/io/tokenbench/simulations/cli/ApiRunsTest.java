package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.record.OutputLengths;
import io.tokenbench.simulations.scenarios.Recipes;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --api completions} and {@code --api responses} driven through Gatling against the mock
 * with a known timing: every request succeeds, ttft is no shorter than the mock's, itl and tpot no
 * shorter than its inter-token gap (one-sided), one itl per token after the first, and the
 * requested output length ({@code --output-tokens}, below the mock's own length) is what the server
 * reported. Skipped (assumption) while the mock does not serve the endpoint.
 */
class ApiRunsTest {
    private static final int TTFT_MS = 80;
    private static final int ITL_MS = 8;
    private static final int MOCK_TOKENS = 30;
    private static final int REQUESTED = 12;

    @ParameterizedTest
    @ValueSource(strings = {"completions", "responses"})
    void streamedRunsHaveCorrectTimingsAndLengths(String api, @TempDir Path out) throws Exception {
        try (MockUpstream mock = MockedRuns.mock(TTFT_MS + "ms", ITL_MS + "ms", MOCK_TOKENS)) {
            assumeTrue(
                    serves(mock, api),
                    "the mock does not serve /v1/" + api + " yet (branch apis not merged)");
            RunParameters params =
                    MockedRuns.params(
                            mock,
                            out,
                            "--api",
                            api,
                            "--rate",
                            "8",
                            "--duration",
                            "3s",
                            "--warmup",
                            "1s",
                            "--grace",
                            "5s",
                            "--output-tokens",
                            Integer.toString(REQUESTED));
            RunPlan plan =
                    Recipes.plan(
                            params,
                            URI.create(mock.baseUrl()),
                            ApiKey.forEmbeddedMock("UNSET_VAR", Map.of()),
                            out,
                            Map.of());
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            List<PlanExecution.LaneResult> results =
                    PlanExecution.execute(
                            plan,
                            out,
                            true,
                            true,
                            new PrintStream(console, true, StandardCharsets.UTF_8));
            RunSummary s = results.get(0).summary();
            long attempted = s.requests().attempted();
            assertThat(attempted).isGreaterThanOrEqualTo(15); // ~32 expected
            assertThat(s.outcomes().get(Outcome.OK)).isEqualTo(attempted);
            assertThat(s.metrics().get("ttft").p50()).isGreaterThanOrEqualTo(TTFT_MS);
            assertThat(s.metrics().get("tpot").p50()).isGreaterThanOrEqualTo(0.9 * ITL_MS);
            assertThat(s.metrics().get("e2e").p50())
                    .isGreaterThanOrEqualTo(TTFT_MS + (REQUESTED - 1) * ITL_MS);
            assertThat(s.metrics().get("itl").count())
                    .isEqualTo((REQUESTED - 1) * s.metrics().get("ttft").count());
            OutputLengths lengths = plan.outputLengths(0);
            assertThat(lengths.requests()).isGreaterThanOrEqualTo(attempted);
            assertThat(lengths.receivedTokens())
                    .isEqualTo(lengths.requestedTokens())
                    .isEqualTo(REQUESTED * lengths.requests());
        }
    }

    /** True when the mock answers a minimal request of {@code api} with 200. */
    static boolean serves(MockUpstream mock, String api) throws Exception {
        String body =
                api.equals("responses")
                        ? "{\"model\":\"MiniMax-M3\",\"input\":\"hi\",\"max_output_tokens\":2}"
                        : "{\"model\":\"MiniMax-M3\",\"prompt\":\"hi\",\"max_tokens\":2}";
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/" + api))
                                        .header("Authorization", "Bearer " + ApiKey.MOCK_DEFAULT)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200;
    }
}
