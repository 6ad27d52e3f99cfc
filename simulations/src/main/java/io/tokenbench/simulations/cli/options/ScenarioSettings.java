package io.tokenbench.simulations.cli.options;

import io.tokenbench.options.DurationGrammar;
import io.tokenbench.simulations.config.ClassSlos;
import io.tokenbench.simulations.config.MediaMix;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.Variant;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The scenario-specific parts of {@link RunParameters}: gateway-overhead's upstream,
 * model-compare's variants, the mixed scenario's mix, class SLOs and video timeout.
 */
public record ScenarioSettings(
        Optional<URI> upstreamUrl,
        List<Variant> variants,
        MediaMix mix,
        ClassSlos classSlos,
        Duration videoTimeout) {

    public ScenarioSettings {
        variants = List.copyOf(variants);
    }

    /**
     * For commands without scenario options (sweep, calibrate): nothing set, defaults elsewhere.
     */
    public static ScenarioSettings none() {
        return new ScenarioSettings(
                Optional.empty(),
                List.of(),
                MediaMix.parse(MediaMix.DEFAULT),
                ClassSlos.DEFAULTS,
                DurationGrammar.parse(RunParameters.DEFAULT_VIDEO_TIMEOUT));
    }
}
