package io.tokenbench.mock.routing;

import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.gate.Settlement;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * When and how the server writes a {@link RouteResponse} that models latency: the head after {@code
 * firstByteDelayNanos}, then either the whole body at once ({@code content-length}) or the body in
 * parts ({@code chunked}), part i written {@code gapsNanos[i]} after part i-1. The server schedules
 * the writes on the channel's event loop (stretched by the load slowdown), pauses while the client
 * does not read, applies {@link #fault()} and tells {@link #listener()} exactly once how the
 * response ended.
 *
 * @param firstByteDelayNanos delay from the end of request handling to the head (and the first
 *     part)
 * @param partEnds empty: one body with {@code content-length}; else the end offsets of the parts in
 *     the body, increasing, the last equal to the body length
 * @param gapsNanos one per part, {@code [0]} ignored; empty when not streamed
 * @param fault an in-response fault ({@code stall}, {@code stream_reset}, {@code protocol_error},
 *     {@code stream_error_event}, {@code slow_drip}) or {@code connect_reset}, applied by the
 *     server
 * @param listener told how the response ended
 */
public record Pacing(
        long firstByteDelayNanos,
        int[] partEnds,
        long[] gapsNanos,
        Optional<FaultSpec> fault,
        Listener listener) {

    /** Told once how the response ended and what fraction of the output the client received. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param end how it ended
         * @param status the status sent (0 when the connection was reset before any byte)
         * @param outputFraction parts written / parts (1 for a body sent or cut mid-way, 0 when
         *     none was sent)
         */
        void ended(Settlement.End end, int status, double outputFraction);
    }

    public Pacing {
        if (firstByteDelayNanos < 0) {
            throw new IllegalArgumentException("firstByteDelayNanos must be >= 0");
        }
        partEnds = partEnds.clone();
        gapsNanos = gapsNanos.clone();
        if (partEnds.length != gapsNanos.length) {
            throw new IllegalArgumentException("one gap per part");
        }
        for (int i = 0; i < partEnds.length; i++) {
            if (partEnds[i] <= (i == 0 ? 0 : partEnds[i - 1]) || gapsNanos[i] < 0) {
                throw new IllegalArgumentException("part ends must increase and gaps be >= 0");
            }
        }
        Objects.requireNonNull(fault, "fault");
        fault.ifPresent(
                spec -> {
                    if (spec.fault().phase() == Fault.Phase.BEFORE_HEADERS
                            && spec.fault() != Fault.CONNECT_RESET) {
                        throw new IllegalArgumentException(
                                "HTTP error faults are answered as responses, not paced");
                    }
                });
        Objects.requireNonNull(listener, "listener");
    }

    /** The whole body after {@code delayNanos}. */
    public static Pacing delayed(long delayNanos, Optional<FaultSpec> fault, Listener listener) {
        return new Pacing(delayNanos, new int[0], new long[0], fault, listener);
    }

    /**
     * The body in parts: the first after {@code firstByteDelayNanos}, part i {@code gapsNanos[i]}
     * after part i-1.
     */
    public static Pacing streamed(
            long firstByteDelayNanos,
            int[] partEnds,
            long[] gapsNanos,
            Optional<FaultSpec> fault,
            Listener listener) {
        if (partEnds.length == 0) {
            throw new IllegalArgumentException("a streamed body needs at least one part");
        }
        return new Pacing(firstByteDelayNanos, partEnds, gapsNanos, fault, listener);
    }

    public boolean streamed() {
        return partEnds.length > 0;
    }

    public int parts() {
        return partEnds.length;
    }

    /** Part {@code i}'s start offset in the body. */
    public int partStart(int i) {
        return i == 0 ? 0 : partEnds[i - 1];
    }

    public int partEnd(int i) {
        return partEnds[i];
    }

    public long gapNanos(int i) {
        return gapsNanos[i];
    }

    public boolean hasFault(Fault candidate) {
        return fault.isPresent() && fault.get().fault() == candidate;
    }

    @Override
    public String toString() {
        return "Pacing[firstByteDelayNanos="
                + firstByteDelayNanos
                + ", parts="
                + partEnds.length
                + ", gapsNanos="
                + Arrays.toString(gapsNanos)
                + ", fault="
                + fault
                + "]";
    }
}
