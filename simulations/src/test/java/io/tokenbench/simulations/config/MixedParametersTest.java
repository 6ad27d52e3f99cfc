package io.tokenbench.simulations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.reports.record.EndpointClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * --mix, the per-class SLOs and the mixed scenario's load: parsing, defaults and bad input naming
 * the option.
 */
class MixedParametersTest {

    private static RunParameters parse(String... options) {
        return RunParameters.from(ParameterSource.of(List.of(options), Map.of()));
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
                .isInstanceOf(ParameterException.class)
                .hasMessage("mix: chat: 'four' is not a number");
        assertThatThrownBy(() -> parse("--mix", "audio=1"))
                .hasMessageStartingWith("mix: unknown endpoint class 'audio'");
        assertThatThrownBy(() -> parse("--mix", "chat=1,chat=2"))
                .hasMessage("mix: chat is given twice");
        assertThatThrownBy(() -> parse("--mix", "chat=-1"))
                .hasMessageStartingWith("mix: chat: rate must be");
        assertThatThrownBy(() -> parse("--mix", "chat=NaN"))
                .hasMessageStartingWith("mix: chat: rate must be");
        assertThatThrownBy(() -> parse("--mix", "chat=0,video=0"))
                .hasMessage("mix: needs at least one class with a rate > 0");
        assertThatThrownBy(() -> parse("--mix", "chat"))
                .hasMessageStartingWith("mix: 'chat' is not class=rate");
        assertThatThrownBy(() -> parse("--mix", "")).hasMessage("mix: is required");
    }

    @Test
    void badClassSlosAndClosedLoadsExitNamingTheOption() {
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--slo-images", "0s"))
                .hasMessageStartingWith("slo-images: ");
        assertThatThrownBy(() -> parse("--slo-video", "soon"))
                .hasMessageStartingWith("slo-video: ");
        assertThatThrownBy(() -> parse("--slo-speech-ttfa", "-1s"))
                .hasMessageStartingWith("slo-speech-ttfa: ");
        assertThatThrownBy(() -> parse("--timeout-video", "0ms"))
                .hasMessageStartingWith("timeout-video: ");
        assertThatThrownBy(() -> parse("--scenario", "mixed", "--concurrency", "4"))
                .hasMessageStartingWith("load: the mixed scenario is open-model only");
    }
}
