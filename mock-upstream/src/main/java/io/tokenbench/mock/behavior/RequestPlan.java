package io.tokenbench.mock.behavior;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Everything drawn for one request, in a fixed order from the request's seed: fault, time to first
 * token, output length per choice; inter-token delays and words are drawn as the response is
 * written, from their own streams. Not thread-safe: used by the one event loop serving the request.
 */
public final class RequestPlan {

    private final Optional<FaultSpec> fault;
    private final long ttftNanos;
    private final int[] outputTokens;
    private final boolean[] lengthLimited;
    private final int tokensPerChunk;
    private final Dist itl;
    private final OptionalLong itlOverrideNanos;
    private final SplittableRandom timing;
    private final SplittableRandom text;

    private RequestPlan(
            Optional<FaultSpec> fault,
            long ttftNanos,
            int[] outputTokens,
            boolean[] lengthLimited,
            int tokensPerChunk,
            Dist itl,
            OptionalLong itlOverrideNanos,
            SplittableRandom timing,
            SplittableRandom text) {
        this.fault = fault;
        this.ttftNanos = ttftNanos;
        this.outputTokens = outputTokens;
        this.lengthLimited = lengthLimited;
        this.tokensPerChunk = tokensPerChunk;
        this.itl = itl;
        this.itlOverrideNanos = itlOverrideNanos;
        this.timing = timing;
        this.text = text;
    }

    /**
     * Draws the plan.
     *
     * @param choices {@code n}
     * @param maxTokens {@code max_tokens} / {@code max_completion_tokens} per choice, when given
     * @param outputTokenCap the gate's cap on output tokens for the whole request
     */
    public static RequestPlan draw(
            long seed,
            Behavior behavior,
            FaultSettings faults,
            RequestOverrides overrides,
            int choices,
            OptionalInt maxTokens,
            int outputTokenCap) {
        Objects.requireNonNull(behavior, "behavior");
        SplittableRandom root = new SplittableRandom(seed);
        Optional<FaultSpec> drawnFault = faults.draw(root);
        Optional<FaultSpec> fault =
                overrides.faultAllowed()
                        ? overrides
                                .fault()
                                .map(RequestOverrides.FaultChoice::spec)
                                .orElse(drawnFault)
                        : Optional.empty();
        long ttft = Math.round(behavior.ttft().sample(root));
        if (overrides.ttftNanos().isPresent()) {
            ttft = overrides.ttftNanos().getAsLong();
        }
        int[] tokens = new int[choices];
        boolean[] limited = new boolean[choices];
        int capLeft = outputTokenCap;
        for (int i = 0; i < choices; i++) {
            int drawn =
                    (int)
                            Math.max(
                                    1,
                                    Math.min(
                                            1_000_000,
                                            Math.round(behavior.outputTokens().sample(root))));
            if (overrides.outputTokens().isPresent()) {
                drawn = overrides.outputTokens().getAsInt();
            }
            int limit = Math.min(maxTokens.orElse(Integer.MAX_VALUE), capLeft);
            tokens[i] = Math.min(drawn, limit);
            limited[i] = drawn > limit;
            capLeft -= tokens[i];
        }
        return new RequestPlan(
                fault,
                ttft,
                tokens,
                limited,
                behavior.tokensPerChunk(),
                behavior.itl(),
                overrides.itlNanos(),
                root.split(),
                root.split());
    }

    public Optional<FaultSpec> fault() {
        return fault;
    }

    /** Whether the request's fault is {@code fault}. */
    public boolean hasFault(Fault candidate) {
        return fault.isPresent() && fault.get().fault() == candidate;
    }

    /** The fault's parameter when the request has that fault. */
    public long faultParam() {
        return fault.map(FaultSpec::param).orElse(0L);
    }

    /** Time to first token before load slowdown, nanoseconds. */
    public long ttftNanos() {
        return ttftNanos;
    }

    public int choices() {
        return outputTokens.length;
    }

    /** Output tokens of choice {@code index}. */
    public int outputTokens(int index) {
        return outputTokens[index];
    }

    public int totalOutputTokens() {
        int total = 0; // a loop, not a stream: called for every response
        for (int tokens : outputTokens) {
            total += tokens;
        }
        return total;
    }

    /**
     * {@code "length"} when {@code max_tokens} or the gate's cap cut the choice, else {@code
     * "stop"}.
     */
    public boolean lengthLimited(int index) {
        return lengthLimited[index];
    }

    public int tokensPerChunk() {
        return tokensPerChunk;
    }

    /** The next inter-token delay before load slowdown, nanoseconds. */
    public long nextItlNanos() {
        return itlOverrideNanos.isPresent()
                ? itlOverrideNanos.getAsLong()
                : Math.round(itl.sample(timing));
    }

    /** The next word (see {@link TokenText}). */
    public int nextWord() {
        return TokenText.nextWord(text);
    }
}
