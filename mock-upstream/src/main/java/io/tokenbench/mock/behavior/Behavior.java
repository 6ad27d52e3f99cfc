package io.tokenbench.mock.behavior;

import java.util.Objects;

/**
 * How the emulated model behaves: when the first token comes, the gap between tokens, how many
 * tokens it writes and how many go into one SSE chunk, and how load slows it down. Immutable; the
 * admin API swaps whole instances.
 *
 * @param ttft time to first token, nanoseconds
 * @param itl delay between consecutive tokens, nanoseconds (drawn per token)
 * @param outputTokens output tokens per choice before {@code max_tokens} applies (at least 1)
 * @param tokensPerChunk tokens carried by one content chunk
 * @param slowdown load-dependent slowdown (chat and media delays alike)
 * @param media the latency model of the media endpoints
 */
public record Behavior(
        Dist ttft,
        Dist itl,
        Dist outputTokens,
        int tokensPerChunk,
        LoadSlowdown slowdown,
        MediaBehavior media) {

    /** The one home of the behaviour defaults: a fast, plausible chat model. */
    public static final Behavior DEFAULT =
            new Behavior(
                    DistParser.durations("200ms"),
                    DistParser.durations("20ms"),
                    DistParser.counts("64"),
                    1,
                    LoadSlowdown.NONE,
                    MediaBehavior.DEFAULT);

    /**
     * No response delays at all, chat and media (video job phases keep theirs): for tests and
     * throughput measurements of the mock itself.
     */
    public static final Behavior ZERO_LATENCY =
            DEFAULT.withTtft(DistParser.durations("0ms"))
                    .withItl(DistParser.durations("0ms"))
                    .withMedia(MediaBehavior.NO_LATENCY);

    public Behavior {
        Objects.requireNonNull(ttft, "ttft");
        Objects.requireNonNull(itl, "itl");
        Objects.requireNonNull(outputTokens, "outputTokens");
        Objects.requireNonNull(slowdown, "slowdown");
        Objects.requireNonNull(media, "media");
        if (tokensPerChunk < 1) {
            throw new IllegalArgumentException("tokensPerChunk must be >= 1: " + tokensPerChunk);
        }
    }

    public Behavior withTtft(Dist value) {
        return new Behavior(value, itl, outputTokens, tokensPerChunk, slowdown, media);
    }

    public Behavior withItl(Dist value) {
        return new Behavior(ttft, value, outputTokens, tokensPerChunk, slowdown, media);
    }

    public Behavior withOutputTokens(Dist value) {
        return new Behavior(ttft, itl, value, tokensPerChunk, slowdown, media);
    }

    public Behavior withTokensPerChunk(int value) {
        return new Behavior(ttft, itl, outputTokens, value, slowdown, media);
    }

    public Behavior withSlowdown(LoadSlowdown value) {
        return new Behavior(ttft, itl, outputTokens, tokensPerChunk, value, media);
    }

    public Behavior withMedia(MediaBehavior value) {
        return new Behavior(ttft, itl, outputTokens, tokensPerChunk, slowdown, value);
    }
}
