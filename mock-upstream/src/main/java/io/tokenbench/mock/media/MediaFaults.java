package io.tokenbench.mock.media;

import io.tokenbench.mock.behavior.Fault;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which faults a kind of media answer takes (ENDPOINTS.md, "Faults"). Every kind takes the
 * before-headers faults ({@code http_429}, {@code http_5xx}, {@code connect_reset}); the
 * in-response faults listed here are applied by the server while it writes the answer (or, for the
 * few that change the answer's content, by the endpoint's work when it builds it), except for job
 * submissions, where any in-response fault makes the job end {@code failed} instead.
 */
public enum MediaFaults {
    /** Embeddings, images, transcriptions: one body after a delay. */
    COMPLETE_BODY(EnumSet.of(Fault.STALL, Fault.STREAM_RESET, Fault.PROTOCOL_ERROR)),
    /** Raw speech audio in paced chunks. */
    AUDIO_STREAM(EnumSet.of(Fault.STALL, Fault.STREAM_RESET)),
    /**
     * Speech as server-sent events in paced chunks; the work itself leaves out the final {@code
     * speech.audio.done} event ({@code missing_done}) or its {@code usage} ({@code usage_missing}).
     */
    EVENT_STREAM(
            EnumSet.of(
                    Fault.STALL,
                    Fault.STREAM_RESET,
                    Fault.PROTOCOL_ERROR,
                    Fault.STREAM_ERROR_EVENT,
                    Fault.SLOW_DRIP),
            EnumSet.of(Fault.MISSING_DONE, Fault.USAGE_MISSING)),
    /** Lookups (video status and content): only the before-headers faults. */
    LOOKUP(EnumSet.noneOf(Fault.class)),
    /** Video submissions: every in-response fault fails the job. */
    JOB_SUBMISSION(EnumSet.noneOf(Fault.class));

    private final Set<Fault> paced;
    private final Set<Fault> shapedByWork;

    MediaFaults(Set<Fault> paced) {
        this(paced, EnumSet.noneOf(Fault.class));
    }

    MediaFaults(Set<Fault> paced, Set<Fault> shapedByWork) {
        this.paced = paced;
        this.shapedByWork = shapedByWork;
    }

    /** Whether {@code fault} means something for this kind of answer. */
    public boolean supports(Fault fault) {
        return fault.phase() == Fault.Phase.BEFORE_HEADERS
                || this == JOB_SUBMISSION
                || paced.contains(fault)
                || shapedByWork.contains(fault);
    }

    /** Whether the server applies {@code fault} while writing the answer. */
    public boolean paces(Fault fault) {
        return fault == Fault.CONNECT_RESET || paced.contains(fault);
    }

    /** The supported fault names, for error messages. */
    public String names() {
        StringBuilder out = new StringBuilder();
        for (Fault fault : Fault.values()) {
            if (supports(fault)) {
                out.append(out.length() == 0 ? "" : ", ").append(fault.wireName());
            }
        }
        return out.toString();
    }
}
