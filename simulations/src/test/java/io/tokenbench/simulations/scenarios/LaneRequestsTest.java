package io.tokenbench.simulations.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.cli.CommandLines;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.RunParameters;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-lane headers and the API reach the lanes a recipe composes, over the test's own {@code
 * x-mock-*} headers; nothing is sent (closed loopback port).
 */
class LaneRequestsTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    private static final ApiKey KEY = ApiKey.forEmbeddedMock("UNSET_VAR", Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void gatewayAndUpstreamLanesGetTheirOwnHeadersAndBothGetTheCommonOnes() {
        RunParameters p =
                CommandLines.parse(
                        Map.of(),
                        Map.of("UPSTREAM_KEY", "k-upstream-123"),
                        "--scenario",
                        "gateway-overhead",
                        "--upstream-url",
                        "http://127.0.0.1:10",
                        "--header",
                        "gateway@x-portkey-config: cfg-1",
                        "--header-env",
                        "upstream@Authorization=UPSTREAM_KEY",
                        "--header",
                        "x-trace: on");
        RunPlan plan = Recipes.plan(p, NOWHERE, KEY, Path.of("unused"), Map.of("x-mock-ttft", "0"));
        assertThat(plan.lanes().get(0).extraHeaders())
                .containsOnlyKeys("x-mock-ttft", "x-portkey-config", "x-trace");
        assertThat(plan.lanes().get(1).extraHeaders())
                .containsOnlyKeys("x-mock-ttft", "Authorization", "x-trace")
                .containsEntry("Authorization", "k-upstream-123");
        assertThat(plan.settings(1).extraHeaders()).containsKey("Authorization");
    }

    @Test
    void theApiChoosesTheEndpointOfEveryLane() throws Exception {
        RunParameters p =
                CommandLines.parse(
                        "--scenario",
                        "model-compare",
                        "--compare",
                        "MiniMax-M3;gpt-4o-mini",
                        "--api",
                        "completions",
                        "--body-field",
                        "seed=3");
        RunPlan plan = Recipes.plan(p, NOWHERE, KEY, Path.of("unused"), Map.of());
        for (int i = 0; i < 2; i++) {
            assertThat(plan.settings(i).chatUrl()).hasToString("http://127.0.0.1:9/v1/completions");
            var body = JSON.readTree(plan.lanes().get(i).bodies().body(0));
            assertThat(body.has("prompt")).isTrue();
            assertThat(body.path("seed").asInt()).isEqualTo(3);
        }
    }
}
