package io.tokenbench.mock.stream;

import io.tokenbench.mock.behavior.LoadSlowdown;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * What a stream needs to time itself: the load slowdown with the current number of requests in
 * flight, where to record its scheduling lag, and what to tell when back-pressure pauses it. Shared
 * by all streams; thread-safe.
 */
public record StreamTiming(
        LoadSlowdown slowdown, IntSupplier inFlight, SchedulingLag lag, Runnable onPause) {

    public StreamTiming {
        Objects.requireNonNull(slowdown, "slowdown");
        Objects.requireNonNull(inFlight, "inFlight");
        Objects.requireNonNull(lag, "lag");
        Objects.requireNonNull(onPause, "onPause");
    }

    /** {@code nanos} stretched by the slowdown at the current load. */
    public long scaled(long nanos) {
        double multiplier = slowdown.multiplier(inFlight.getAsInt());
        return multiplier == 1.0 ? nanos : Math.round(nanos * multiplier);
    }
}
