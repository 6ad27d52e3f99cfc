package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.scenarios.Recipes;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short streaming run (about 8 s of load) through Gatling against the in-process mock with a
 * known timing: every metric is present and no faster than the mock's configured delays allow
 * (one-sided).
 */
class SmokeRunTest {
    private static final int TTFT_MS = 100;
    private static final int ITL_MS = 10;
    private static final int TOKENS = 20;

    @Test
    void everyMetricIsPresentAndPlausible(@TempDir Path out) throws Exception {
        try (MockUpstream mock = MockedRuns.mock(TTFT_MS + "ms", ITL_MS + "ms", TOKENS)) {
            RunParameters params =
                    MockedRuns.params(
                            mock,
                            out,
                            "--rate",
                            "10",
                            "--duration",
                            "6s",
                            "--warmup",
                            "2s",
                            "--grace",
                            "5s",
                            "--max-tokens",
                            "64");
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
            Path dir = results.get(0).runDir();

            for (String name :
                    List.of(
                            "ttft",
                            "ttft_sched",
                            "ttfc",
                            "ttfb",
                            "itl",
                            "tpot",
                            "e2e",
                            "e2e_sched",
                            "stream_tail",
                            "dispatch_lag",
                            "decode_rate")) {
                assertThat(s.metrics().get(name).count()).as(name).isGreaterThan(0);
            }
            long attempted = s.requests().attempted();
            assertThat(attempted).isGreaterThanOrEqualTo(30); // ~60 expected at 10/s for 6 s
            assertThat(s.outcomes().get(Outcome.OK)).isEqualTo(attempted);
            MetricSummary ttft = s.metrics().get("ttft");
            assertThat(ttft.p50()).isGreaterThanOrEqualTo(TTFT_MS);
            assertThat(s.metrics().get("ttft_sched").p50()).isGreaterThanOrEqualTo(ttft.p50());
            // The mock emits token k no earlier than ttft + (k-1) * itl after it got the request,
            // so e2e is
            // bounded strictly. tpot is not: a first token read late (client jitter) shortens
            // t_last - t_first a
            // little, hence the 10 % allowance; a broken timeline (chunks counted as gaps, ms
            // rounding) is far off.
            assertThat(s.metrics().get("tpot").p50()).isGreaterThanOrEqualTo(0.9 * ITL_MS);
            assertThat(s.metrics().get("e2e").p50())
                    .isGreaterThanOrEqualTo(TTFT_MS + (TOKENS - 1) * ITL_MS);
            assertThat(s.metrics().get("itl").count())
                    .isEqualTo((TOKENS - 1) * s.metrics().get("ttft").count());
            assertThat(s.requests().tokenMismatch()).isZero();
            assertThat(s.throughput().outputTokensPerSecond()).isGreaterThan(0);
            assertThat(s.goodput().goodRps()).isGreaterThan(0);
            // Credits from usage x the mock catalog's price of MiniMax-M3 (0.6 in, 2.4 out per
            // million tokens)
            assertThat(s.microCredits())
                    .isGreaterThanOrEqualTo(Math.round(attempted * TOKENS * 2.4));

            assertThat(dir.resolve("gatling").resolve("index.html")).exists();
            assertThat(Files.readString(dir.resolve("run.json")))
                    .doesNotContain(ApiKey.MOCK_DEFAULT);
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("ttft_sched")
                    .contains("outcomes: ok=");
        }
    }
}
