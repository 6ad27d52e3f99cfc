package io.tokenbench.mock.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's clock: a base time source (the system clock in the mock, a fixed instant in tests)
 * plus an offset that {@link #set} and {@link #advance} change. Resets and expiry follow it at
 * once.
 *
 * <p>Thread-safe and non-blocking: the offset is one atomic reference.
 */
public final class EmulatorClock implements InstantSource {

    private final InstantSource base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public EmulatorClock(InstantSource base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** A clock that ticks with the system clock until it is set or advanced. */
    public static EmulatorClock system() {
        return new EmulatorClock(InstantSource.system());
    }

    /** A clock frozen at {@code start} until it is set or advanced (tests). */
    public static EmulatorClock frozenAt(Instant start) {
        return new EmulatorClock(InstantSource.fixed(start));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    /** Makes {@link #instant()} return {@code now} at this moment (and tick on from there). */
    public void set(Instant now) {
        Objects.requireNonNull(now, "now");
        offset.set(Duration.between(base.instant(), now));
    }

    /** Moves the clock forward; {@code amount} must not be negative. */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("advance must be >= 0: " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    /**
     * The distance between this clock and its base (persisted so a restart keeps the emulated
     * time).
     */
    public Duration offset() {
        return offset.get();
    }

    /** Restores an offset saved by {@link #offset()}. */
    public void restoreOffset(Duration savedOffset) {
        offset.set(Objects.requireNonNull(savedOffset, "savedOffset"));
    }

    @Override
    public String toString() {
        return "EmulatorClock[now=" + instant() + ", offset=" + offset.get() + "]";
    }
}
