package io.tokenbench.simulations.config;

import io.tokenbench.options.DurationGrammar;
import io.tokenbench.reports.record.EndpointClass;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The mixed scenario's goodput SLOs of the non-chat classes (chat keeps {@link
 * io.tokenbench.simulations.config.Slo}'s ttft/tpot/e2e). Every bound is measured from t_sched
 * (free of coordinated omission).
 *
 * @param embeddingsE2e embeddings e2e_sched
 * @param imagesE2e images e2e_sched (whole response)
 * @param speechTtfa speech t_first_audio_chunk - t_sched
 * @param speechE2e speech e2e_sched (last audio chunk)
 * @param transcriptionE2e transcription e2e_sched
 * @param videoComplete video t_completed - t_sched
 */
public record ClassSlos(
        Duration embeddingsE2e,
        Duration imagesE2e,
        Duration speechTtfa,
        Duration speechE2e,
        Duration transcriptionE2e,
        Duration videoComplete) {
    // The defaults, as the options show them (the one home of these values).
    public static final String DEFAULT_EMBEDDINGS = "2s";
    public static final String DEFAULT_IMAGES = "30s";
    public static final String DEFAULT_SPEECH_TTFA = "2s";
    public static final String DEFAULT_SPEECH = "60s";
    public static final String DEFAULT_TRANSCRIPTION = "30s";
    public static final String DEFAULT_VIDEO = "10m";

    /** Every bound at its default. */
    public static final ClassSlos DEFAULTS =
            new ClassSlos(
                    DurationGrammar.parse(DEFAULT_EMBEDDINGS),
                    DurationGrammar.parse(DEFAULT_IMAGES),
                    DurationGrammar.parse(DEFAULT_SPEECH_TTFA),
                    DurationGrammar.parse(DEFAULT_SPEECH),
                    DurationGrammar.parse(DEFAULT_TRANSCRIPTION),
                    DurationGrammar.parse(DEFAULT_VIDEO));

    /** Each bound must be positive; the error names its option. */
    public ClassSlos {
        Timeouts.requirePositive("--slo-embeddings", embeddingsE2e);
        Timeouts.requirePositive("--slo-images", imagesE2e);
        Timeouts.requirePositive("--slo-speech-ttfa", speechTtfa);
        Timeouts.requirePositive("--slo-speech", speechE2e);
        Timeouts.requirePositive("--slo-transcription", transcriptionE2e);
        Timeouts.requirePositive("--slo-video", videoComplete);
    }

    /** The recorder's per-class SLOs for the classes of {@code mix}; chat from {@code chat}. */
    public Map<EndpointClass, io.tokenbench.reports.record.Slo> forRecorder(
            Slo chat, MediaMix mix) {
        Map<EndpointClass, io.tokenbench.reports.record.Slo> all =
                new EnumMap<>(EndpointClass.class);
        all.put(
                EndpointClass.CHAT,
                io.tokenbench.reports.record.Slo.of(chat.ttft(), chat.tpot(), chat.e2e()));
        all.put(
                EndpointClass.EMBEDDINGS,
                io.tokenbench.reports.record.Slo.of(null, null, embeddingsE2e));
        all.put(EndpointClass.IMAGES, io.tokenbench.reports.record.Slo.of(null, null, imagesE2e));
        all.put(
                EndpointClass.SPEECH,
                io.tokenbench.reports.record.Slo.of(speechTtfa, null, speechE2e));
        all.put(
                EndpointClass.TRANSCRIPTION,
                io.tokenbench.reports.record.Slo.of(null, null, transcriptionE2e));
        all.put(
                EndpointClass.VIDEO,
                io.tokenbench.reports.record.Slo.of(null, null, videoComplete));
        all.keySet().retainAll(mix.ratesPerSec().keySet());
        return all;
    }
}
