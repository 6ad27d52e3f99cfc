package io.tokenbench.simulations.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.simulations.cli.CommandLines;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.RunParameters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recipes compose lanes; nothing is sent (the target is a closed loopback port, so no price is
 * found).
 */
class RecipesTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    private static final ApiKey KEY = ApiKey.forEmbeddedMock("UNSET_VAR", Map.of());

    private static RunParameters params(String... options) {
        return CommandLines.parse(options);
    }

    @Test
    void gatewayOverheadSendsOneScheduleAndOneBodySequenceToBothTargets() {
        RunParameters p =
                params(
                        "--scenario",
                        "gateway-overhead",
                        "--base-url",
                        "http://127.0.0.1:9",
                        "--upstream-url",
                        "http://127.0.0.1:10/v1",
                        "--rate",
                        "20",
                        "--duration",
                        "2s");
        RunPlan plan = Recipes.plan(p, NOWHERE, KEY, Path.of("unused"), Map.of());
        assertThat(plan.lanes()).extracting(Lane::name).containsExactly("gateway", "upstream");
        Lane gateway = plan.lanes().get(0);
        Lane upstream = plan.lanes().get(1);
        assertThat(upstream.baseUrl()).hasToString("http://127.0.0.1:10/v1");
        for (int i = 0; i < 5; i++) {
            assertThat(gateway.pacer().orElseThrow().nextSchedNanos())
                    .isEqualTo(upstream.pacer().orElseThrow().nextSchedNanos());
            assertThat(gateway.bodies().next()).isEqualTo(upstream.bodies().next());
        }
        assertThat(plan.maxDuration()).isGreaterThanOrEqualTo(p.injectionLength().plus(p.grace()));
    }

    @Test
    void modelCompareHasOneLanePerVariantWithItsOverrides() {
        RunParameters p =
                params(
                        "--scenario",
                        "model-compare",
                        "--compare",
                        "MiniMax-M3;gpt-4o-mini,max_tokens=16");
        RunPlan plan = Recipes.plan(p, NOWHERE, KEY, Path.of("unused"), Map.of());
        assertThat(plan.lanes())
                .extracting(Lane::name)
                .containsExactly("MiniMax-M3", "gpt-4o-mini_max_16");
        assertThat(plan.lanes().get(1).bodies().model()).isEqualTo("gpt-4o-mini");
        assertThat(plan.lanes().get(1).bodies().maxTokens()).isEqualTo(16);
        assertThat(plan.lanes().get(0).bodies().maxTokens()).isEqualTo(128);
    }

    @Test
    void sweepLevelsArePoissonRunsOfOneStepEach() {
        RunParameters sweep = params("sweep", "--load", "steps(5/s,+10/s,x4,20s)");
        RunParameters level = Recipes.sweepLevel(sweep, 2);
        assertThat(level.load()).isEqualTo(new LoadModel.ConstantRate(25, true));
        assertThat(level.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(level.warmup()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void closedModelsHaveNoPacer() {
        RunPlan plan =
                Recipes.plan(
                        params("--concurrency", "3"), NOWHERE, KEY, Path.of("unused"), Map.of());
        assertThat(plan.lanes().get(0).pacer()).isEmpty();
    }
}
