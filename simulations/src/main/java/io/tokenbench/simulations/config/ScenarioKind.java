package io.tokenbench.simulations.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The scenario recipes a run can name with {@code --scenario}. */
public enum ScenarioKind {
    STREAMING("streaming"),
    NON_STREAMING("non-streaming"),
    SOAK("soak"),
    SPIKE("spike"),
    SWEEP("sweep"),
    GATEWAY_OVERHEAD("gateway-overhead"),
    MODEL_COMPARE("model-compare"),
    /**
     * Chat, embeddings, images, speech, transcription and video jobs in one open-model schedule.
     */
    MIXED("mixed");

    private final String key;

    ScenarioKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * The scenario whose {@link #key()} is {@code text}; else an {@link IllegalArgumentException}.
     */
    public static ScenarioKind parse(String text) {
        for (ScenarioKind k : values()) {
            if (k.key.equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "unknown scenario '"
                        + text
                        + "' (one of "
                        + Arrays.stream(values())
                                .map(ScenarioKind::key)
                                .collect(Collectors.joining(", "))
                        + ")");
    }
}
