package io.tokenbench.simulations.cli.options;

import io.tokenbench.options.Commands;
import io.tokenbench.simulations.config.ClassSlos;
import io.tokenbench.simulations.config.MediaMix;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.ScenarioKind;
import io.tokenbench.simulations.config.Variant;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of one scenario each ({@code run} only): given with another scenario they are an
 * error naming the option, never silently ignored ({@link #rejectInapplicable}).
 */
public final class ScenarioOptions {
    private static final String MIXED_ONLY = "applies only to --scenario mixed";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--upstream-url",
            paramLabel = "URL",
            converter = Converters.HttpUrl.class,
            description =
                    "gateway-overhead (required): the gateway's upstream; --base-url is the gateway")
    private URI upstreamUrl;

    @Option(
            names = "--compare",
            paramLabel = "VARIANTS",
            description =
                    "model-compare (required): variants separated by ';', each"
                            + " model[,temperature=T][,max_tokens=N]")
    private String compare;

    @Option(
            names = "--mix",
            paramLabel = "CLASS=R,...",
            defaultValue = MediaMix.DEFAULT,
            converter = Converters.Mix.class,
            description =
                    "mixed: arrival rate per endpoint class in requests/s (chat, embeddings, images,"
                            + " speech, transcription, video); the schedule is poisson(sum); with"
                            + " --load or --rate the values are weights of that load")
    private MediaMix mix;

    @Option(
            names = "--slo-embeddings",
            paramLabel = "DURATION",
            defaultValue = ClassSlos.DEFAULT_EMBEDDINGS,
            description = "mixed: goodput SLO on embeddings e2e_sched")
    private Duration sloEmbeddings;

    @Option(
            names = "--slo-images",
            paramLabel = "DURATION",
            defaultValue = ClassSlos.DEFAULT_IMAGES,
            description = "mixed: goodput SLO on images e2e_sched (the whole response)")
    private Duration sloImages;

    @Option(
            names = "--slo-speech-ttfa",
            paramLabel = "DURATION",
            defaultValue = ClassSlos.DEFAULT_SPEECH_TTFA,
            description = "mixed: goodput SLO on speech t_sched to the first audio chunk")
    private Duration sloSpeechTtfa;

    @Option(
            names = "--slo-speech",
            paramLabel = "DURATION",
            defaultValue = ClassSlos.DEFAULT_SPEECH,
            description = "mixed: goodput SLO on speech e2e_sched (last audio chunk)")
    private Duration sloSpeech;

    @Option(
            names = "--slo-transcription",
            paramLabel = "DURATION",
            defaultValue = ClassSlos.DEFAULT_TRANSCRIPTION,
            description = "mixed: goodput SLO on transcription e2e_sched")
    private Duration sloTranscription;

    @Option(
            names = "--slo-video",
            paramLabel = "DURATION",
            defaultValue = ClassSlos.DEFAULT_VIDEO,
            description =
                    "mixed: goodput SLO on video t_sched to the poll that saw the job completed")
    private Duration sloVideo;

    @Option(
            names = "--timeout-video",
            paramLabel = "DURATION",
            defaultValue = RunParameters.DEFAULT_VIDEO_TIMEOUT,
            description =
                    "mixed: a video job not completed and downloaded by then is abandoned"
                            + " (timeout_idle)")
    private Duration timeoutVideo;

    /** Rejects, naming it, every option of this group given with a scenario it does not serve. */
    public void rejectInapplicable(ScenarioKind scenario) {
        Commands.rejectUnless(
                spec,
                scenario == ScenarioKind.GATEWAY_OVERHEAD,
                "applies only to --scenario gateway-overhead",
                "--upstream-url");
        Commands.rejectUnless(
                spec,
                scenario == ScenarioKind.MODEL_COMPARE,
                "applies only to --scenario model-compare",
                "--compare");
        Commands.rejectUnless(
                spec,
                scenario == ScenarioKind.MIXED,
                MIXED_ONLY,
                "--mix",
                "--slo-embeddings",
                "--slo-images",
                "--slo-speech-ttfa",
                "--slo-speech",
                "--slo-transcription",
                "--slo-video",
                "--timeout-video");
    }

    /**
     * The settings these options give to {@code scenario} (an upstream only to gateway-overhead,
     * variants only to model-compare, whatever the system properties say).
     *
     * @throws IllegalArgumentException naming the option when a value is invalid
     */
    public ScenarioSettings settings(ScenarioKind scenario) {
        List<Variant> variants = List.of();
        if (scenario == ScenarioKind.MODEL_COMPARE && compare != null) {
            try {
                variants = Variant.parseList(compare);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--compare: " + e.getMessage(), e);
            }
        }
        return new ScenarioSettings(
                scenario == ScenarioKind.GATEWAY_OVERHEAD
                        ? Optional.ofNullable(upstreamUrl)
                        : Optional.empty(),
                variants,
                mix,
                new ClassSlos(
                        sloEmbeddings,
                        sloImages,
                        sloSpeechTtfa,
                        sloSpeech,
                        sloTranscription,
                        sloVideo),
                timeoutVideo);
    }

    /** The mix (the mixed scenario's default load is its sum). */
    public MediaMix mix() {
        return mix;
    }
}
