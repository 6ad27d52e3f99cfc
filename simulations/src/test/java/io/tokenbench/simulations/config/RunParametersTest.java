package io.tokenbench.simulations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.simulations.cli.CommandLines;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunParametersTest {

    private static RunParameters parse(Map<String, String> props, String... options) {
        return CommandLines.parse(props, Map.of(), options);
    }

    private static RunParameters parse(String... options) {
        return parse(Map.of(), options);
    }

    @Test
    void defaultsAreASixtySecondPoissonStreamingRunAgainstTheEmbeddedMock() {
        RunParameters p = parse();
        assertThat(p.scenario()).isEqualTo(ScenarioKind.STREAMING);
        assertThat(p.baseUrl()).isEmpty();
        assertThat(p.stream()).isTrue();
        assertThat(p.load()).isEqualTo(new LoadModel.ConstantRate(10, true));
        assertThat(p.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.apiKeyEnv()).isEqualTo("POWERTOKENS_API_KEY");
        assertThat(p.prompts()).isInstanceOf(PromptSpec.Bundled.class);
    }

    @Test
    void systemPropertyWithWordForRateFailsNamingTheParameter() {
        assertThatThrownBy(() -> parse(Map.of("rate", "ten")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("'--rate'");
    }

    @Test
    void negativeDurationFailsNamingDuration() {
        assertThatThrownBy(() -> parse("--duration", "-5s")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> parse("--duration", "0s")).hasMessageContaining("--duration");
    }

    @Test
    void unknownLoadModelSyntaxFailsNamingLoad() {
        assertThatThrownBy(() -> parse("--load", "burst(10)"))
                .hasMessageContaining("--load")
                .hasMessageContaining("unknown load model 'burst(10)'");
        assertThatThrownBy(() -> parse("--load", "poisson(0/s)")).hasMessageContaining("--load");
    }

    @Test
    void commandLineWinsOverSystemProperties() {
        RunParameters p = parse(Map.of("duration", "30s"), "--duration=2m");
        assertThat(p.duration()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void rateAndConcurrencyShortcutsAndTheirConflict() {
        assertThat(parse("--rate", "2.5").load()).isEqualTo(new LoadModel.ConstantRate(2.5, true));
        assertThat(parse("--concurrency", "4").load().open()).isFalse();
        assertThatThrownBy(() -> parse("--rate", "2", "--concurrency", "4"))
                .hasMessageContaining("--load");
    }

    @Test
    void profilesChangeOnlyTheLoadShapeAndDuration() {
        assertThat(parse("--scenario", "spike").load()).isInstanceOf(LoadModel.Spike.class);
        assertThat(parse("--scenario", "soak").duration()).isEqualTo(Duration.ofMinutes(30));
        RunParameters sweep = parse("sweep");
        assertThat(sweep.load()).isInstanceOf(LoadModel.Steps.class);
        assertThat(sweep.injectionLength()).isEqualTo(Duration.ofSeconds(8 * 15));
        assertThatThrownBy(() -> parse("sweep", "--rate", "5")).hasMessageContaining("--rate");
    }

    @Test
    void unknownOptionsScenariosAndBadUrlsAreNamed() {
        assertThatThrownBy(() -> parse("--api-key", "sk-x"))
                .hasMessageContaining("'--api-key'")
                .hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> parse("--scenario", "chaos")).hasMessageContaining("--scenario");
        assertThatThrownBy(() -> parse("--base-url", "ftp://x")).hasMessageContaining("--base-url");
        assertThatThrownBy(() -> parse("--base-url", "http://user:pw@host"))
                .hasMessageContaining("--base-url");
        assertThatThrownBy(() -> parse("--max-tokens"))
                .hasMessageContaining("'--max-tokens'")
                .hasMessageContaining("Missing required parameter");
        assertThatThrownBy(() -> parse("--max-tokens", "0")).hasMessageContaining("--max-tokens");
        assertThatThrownBy(() -> parse("--stream", "maybe")).hasMessageContaining("--stream");
        assertThatThrownBy(() -> parse("--timeout-idle", "0ms"))
                .hasMessageContaining("--timeout-idle");
        assertThatThrownBy(() -> parse("--api-key-env", "MY KEY"))
                .hasMessageContaining("--api-key-env");
    }

    @Test
    void scenarioSpecificParametersAreRequired() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "--scenario",
                                        "gateway-overhead",
                                        "--base-url",
                                        "http://127.0.0.1:1"))
                .hasMessageContaining("--upstream-url");
        assertThatThrownBy(() -> parse("--scenario", "model-compare"))
                .hasMessageContaining("--compare");
        RunParameters p =
                parse(
                        "--scenario",
                        "model-compare",
                        "--compare",
                        "a;b,temperature=0.2,max_tokens=9");
        assertThat(p.variants()).hasSize(2);
        assertThat(p.variants().get(1).label()).isEqualTo("b t=0.2 max=9");
    }

    @Test
    void syntheticPromptsCarryTheirLengthDistribution() {
        RunParameters p = parse("--prompts", "synthetic", "--input-tokens", "uniform(10,20)");
        assertThat(p.prompts())
                .isEqualTo(new PromptSpec.Synthetic(new IntDistribution.Uniform(10, 20)));
        assertThatThrownBy(() -> parse("--input-tokens", "uniform(20,10)"))
                .hasMessageContaining("--input-tokens");
        assertThatThrownBy(() -> parse("--prompts", "file:/nonexistent/p.txt"))
                .hasMessageContaining("--prompts");
    }
}
