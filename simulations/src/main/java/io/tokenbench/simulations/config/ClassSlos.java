package io.tokenbench.simulations.config;

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
    public ClassSlos {
        Timeouts.requirePositive(Parameter.SLO_EMBEDDINGS.key(), embeddingsE2e);
        Timeouts.requirePositive(Parameter.SLO_IMAGES.key(), imagesE2e);
        Timeouts.requirePositive(Parameter.SLO_SPEECH_TTFA.key(), speechTtfa);
        Timeouts.requirePositive(Parameter.SLO_SPEECH.key(), speechE2e);
        Timeouts.requirePositive(Parameter.SLO_TRANSCRIPTION.key(), transcriptionE2e);
        Timeouts.requirePositive(Parameter.SLO_VIDEO.key(), videoComplete);
    }

    static ClassSlos from(ParameterSource src) {
        return new ClassSlos(
                src.duration(Parameter.SLO_EMBEDDINGS),
                src.duration(Parameter.SLO_IMAGES),
                src.duration(Parameter.SLO_SPEECH_TTFA),
                src.duration(Parameter.SLO_SPEECH),
                src.duration(Parameter.SLO_TRANSCRIPTION),
                src.duration(Parameter.SLO_VIDEO));
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
