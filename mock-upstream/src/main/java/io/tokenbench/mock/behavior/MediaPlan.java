package io.tokenbench.mock.behavior;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Everything drawn for one media request from its seed: first the fault (one draw, as for chat),
 * then the delays the endpoint asks for, in the order it asks. The formulas of ENDPOINTS.md
 * ("Latency model") live here; header overrides replace draws. Delays are before load slowdown. Not
 * thread-safe: used by the one event loop serving the request.
 */
public final class MediaPlan {

    private static final double NANOS_PER_SECOND = 1e9;
    private final Optional<FaultSpec> fault;
    private final MediaBehavior behavior;
    private final OptionalLong itlOverrideNanos;
    private final MediaOverrides media;
    private final SplittableRandom random;

    private MediaPlan(
            Optional<FaultSpec> fault,
            MediaBehavior behavior,
            OptionalLong itlOverrideNanos,
            MediaOverrides media,
            SplittableRandom random) {
        this.fault = fault;
        this.behavior = behavior;
        this.itlOverrideNanos = itlOverrideNanos;
        this.media = media;
        this.random = random;
    }

    /**
     * Draws the fault: {@code x-mock-fault} when sent (or {@code none}), else the configured random
     * draw; nothing when {@code x-mock-fault-attempts} spares this attempt.
     */
    public static MediaPlan draw(
            long seed,
            MediaBehavior behavior,
            FaultSettings faults,
            RequestOverrides overrides,
            MediaOverrides media) {
        Objects.requireNonNull(behavior, "behavior");
        SplittableRandom random = new SplittableRandom(seed);
        Optional<FaultSpec> drawn = faults.draw(random);
        Optional<FaultSpec> fault =
                overrides.faultAllowed()
                        ? overrides.fault().map(RequestOverrides.FaultChoice::spec).orElse(drawn)
                        : Optional.empty();
        return new MediaPlan(fault, behavior, overrides.itlNanos(), media, random);
    }

    public Optional<FaultSpec> fault() {
        return fault;
    }

    /** A copy without the fault: for a randomly drawn fault the endpoint does not support. */
    public MediaPlan withoutFault() {
        return new MediaPlan(Optional.empty(), behavior, itlOverrideNanos, media, random);
    }

    /** Embeddings: {@code latency + items × item_latency}. */
    public long embeddingsDelayNanos(int items) {
        long base = nanos(behavior.embeddingsLatency());
        long perItem = nanos(behavior.embeddingsItemLatency());
        return media.latencyNanos().orElse(base + items * perItem);
    }

    /** Images: the sum of {@code n} per-image draws. */
    public long imagesDelayNanos(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += nanos(behavior.imageLatency());
        }
        return media.latencyNanos().orElse(total);
    }

    /** Transcriptions: {@code audio seconds / rtf}; 0 when the factor drawn is 0. */
    public long transcriptionDelayNanos(double audioSeconds) {
        double rtf = behavior.transcriptionRtf().sample(random);
        long nanos = rtf > 0 ? Math.round(audioSeconds / rtf * NANOS_PER_SECOND) : 0;
        return media.latencyNanos().orElse(nanos);
    }

    /** Speech: time to the first audio chunk. */
    public long speechTtfaNanos() {
        return media.latencyNanos().orElse(nanos(behavior.speechTtfa()));
    }

    /**
     * Speech: the gap before each chunk after the first ({@code [0]} is 0): {@code x-mock-itl-ms}
     * when sent, else chunk seconds / rtf with rtf drawn once (0 = no gaps).
     */
    public long[] speechGapsNanos(double[] chunkSeconds) {
        long[] gaps = new long[chunkSeconds.length];
        double rtf = behavior.speechRtf().sample(random);
        for (int i = 1; i < gaps.length; i++) {
            gaps[i] =
                    itlOverrideNanos.isPresent()
                            ? itlOverrideNanos.getAsLong()
                            : rtf > 0
                                    ? Math.round(chunkSeconds[i - 1] / rtf * NANOS_PER_SECOND)
                                    : 0;
        }
        return gaps;
    }

    /**
     * Video: how long the job stays queued and then in progress, nanoseconds ({@code x-mock-job-ms}
     * splits 1:3).
     */
    public long[] videoPhasesNanos(int videoSeconds) {
        long queue = nanos(behavior.videoQueue());
        long render = nanos(behavior.videoRenderPerSecond()) * videoSeconds;
        if (media.jobNanos().isPresent()) {
            long job = media.jobNanos().getAsLong();
            queue = job / 4;
            render = job - queue;
        }
        return new long[] {queue, render};
    }

    /**
     * Video submission: the delay before the accepted job is answered ({@code x-mock-latency-ms}
     * replaces it).
     */
    public long videoAcceptNanos() {
        return media.latencyNanos().orElse(nanos(behavior.videoAccept()));
    }

    private long nanos(Dist dist) {
        return Math.round(dist.sample(random));
    }
}
