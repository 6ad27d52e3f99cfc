package io.tokenbench.mock.media;

/**
 * When an endpoint's answer is written (before load slowdown): the head after {@code
 * firstByteDelayNanos}, then the body at once ({@code partEnds} empty) or in parts, part i {@code
 * gapsNanos[i]} after part i-1. See {@link io.tokenbench.mock.routing.Pacing}, which the billed
 * call builds from this, the request's fault and its settlement.
 *
 * @param firstByteDelayNanos delay before the first byte
 * @param partEnds end offsets of the parts in the body; empty for one body
 * @param gapsNanos one per part ({@code [0]} ignored)
 */
public record Timing(long firstByteDelayNanos, int[] partEnds, long[] gapsNanos) {

    /** At once, the whole body. */
    public static final Timing NOW = new Timing(0, new int[0], new long[0]);

    public Timing {
        if (firstByteDelayNanos < 0 || partEnds.length != gapsNanos.length) {
            throw new IllegalArgumentException("delay must be >= 0, one gap per part");
        }
    }

    /** The whole body after {@code delayNanos}. */
    public static Timing after(long delayNanos) {
        return new Timing(delayNanos, new int[0], new long[0]);
    }

    public boolean immediate() {
        return firstByteDelayNanos == 0 && partEnds.length == 0;
    }
}
