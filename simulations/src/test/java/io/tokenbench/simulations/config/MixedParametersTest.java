package io.tokenbench.simulations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.simulations.cli.CommandLines;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * --mix, the per-class SLOs and the mixed scenario's load: parsing, defaults and bad input naming
 * the option.
 */
class MixedParametersTest {

    private static RunParameters parse(String... options) {
        return CommandLines.parse(options);
    }

    @Test
    void theMixGivesTheMergedPoissonRateAndEachClassShare() {
        RunParameters p =
                parse(
                        "--scenario",
                        "mixed",
                        "--mix",
                        "chat=4,embeddings=10,images=1,speech=2,transcription=1,video=0.2");
        assertThat(p.scenario()).isEqualTo(ScenarioKind.MIXED);
        assertThat(p.load()).isEqualTo(new LoadModel.ConstantRate(18.2, true));
        assertThat(p.mix().ratesPerSec())
                .containsEntry(EndpointClass.EMBEDDINGS, 10.0)
                .containsEntry(EndpointClass.VIDEO, 0.2);
        assertThat(p.mix().share(EndpointClass.EMBEDDINGS)).isEqualTo(10 / 18.2);
        assertThat(p.mix().describe())
                .isEqualTo("chat=4,embeddings=10,images=1,transcription=1,speech=2,video=0.2");
    }

    @Test
    void defaultsCoverEveryClass() {
        RunParameters p = parse("--scenario", "mixed");
        assertThat(p.mix().ratesPerSec().keySet()).containsExactly(EndpointClass.values());
        assertThat(p.load())
                .isEqualTo(new LoadModel.ConstantRate(10.7, true)); // 4 + 4 + 0.5 + 1 + 1 + 0.2
        assertThat(p.classSlos())
                .isEqualTo(
                        new ClassSlos(
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(60),
                                Duration.ofSeconds(30),
                                Duration.ofMinutes(10)));
        assertThat(p.videoTimeout()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void classesLeftOutOrAtZeroGetNoTrafficAndNoSlo() {
        RunParameters p = parse("--scenario", "mixed", "--mix", "images=2,video=0");
        assertThat(p.mix().ratesPerSec()).containsOnlyKeys(EndpointClass.IMAGES);
        assertThat(p.classSlos().forRecorder(p.slo(), p.mix()))
                .containsOnlyKeys(EndpointClass.IMAGES);
        assertThat(
                        p.classSlos()
                                .forRecorder(p.slo(), p.mix())
                                .get(EndpointClass.IMAGES)
                                .e2eSchedMaxNanos())
                .isEqualTo(Duration.ofSeconds(30).toNanos());
    }

    @Test
    void anExplicitLoadShapesTheMergedStreamAndTheMixWeightsIt() {
        RunParameters p =
                parse("--scenario", "mixed", "--rate", "5", "--mix", "chat=1,embeddings=3");
        assertThat(p.load()).isEqualTo(new LoadModel.ConstantRate(5, true));
        assertThat(p.mix().share(EndpointClass.EMBEDDINGS)).isEqualTo(0.75);
    }

    @Test
    void badMixesExitNamingMix() {
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--mix", "chat=four"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--mix")
                .hasMessageContaining("chat: 'four' is not a number");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--mix", "audio=1"))
                .hasMessageContaining("--mix")
                .hasMessageContaining("unknown endpoint class 'audio'");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--mix", "chat=1,chat=2"))
                .hasMessageContaining("--mix")
                .hasMessageContaining("chat is given twice");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--mix", "chat=-1"))
                .hasMessageContaining("--mix")
                .hasMessageContaining("chat: rate must be");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--mix", "chat=NaN"))
                .hasMessageContaining("--mix")
                .hasMessageContaining("chat: rate must be");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--mix", "chat=0,video=0"))
                .hasMessageContaining("--mix")
                .hasMessageContaining("needs at least one class with a rate > 0");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--mix", "chat"))
                .hasMessageContaining("--mix")
                .hasMessageContaining("'chat' is not class=rate");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--mix", ""))
                .hasMessageContaining("--mix")
                .hasMessageContaining("is required");
    }

    @Test
    void badClassSlosAndClosedLoadsExitNamingTheOption() {
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--slo-images", "0s"))
                .hasMessageContaining("--slo-images");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--slo-video", "soon"))
                .hasMessageContaining("--slo-video");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--slo-speech-ttfa", "-1s"))
                .hasMessageContaining("--slo-speech-ttfa");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--timeout-video", "0ms"))
                .hasMessageContaining("--timeout-video");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--concurrency", "4"))
                .hasMessageContaining("--load")
                .hasMessageContaining("the mixed scenario is open-model only");
    }
}
