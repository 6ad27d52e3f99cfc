package io.tokenbench.mock.keys;

import io.tokenbench.mock.clock.ResetCalendar;
import io.tokenbench.mock.clock.ResetType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * One emulated key: fixed identity (id, name, hash of the secret, masked secret, creation, expiry,
 * reset type) and its {@link KeyState}, replaced atomically. Holds no secret; {@link #toString()}
 * shows neither hash nor mask.
 *
 * <p>Thread-safe and lock-free: every change is a compare-and-set of the whole state.
 */
public final class ApiKey {

    private final long id;
    private final String name;
    private final String keyHash;
    private final String maskedKey;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final ResetType resetType;
    private final AtomicReference<KeyState> state;

    /** The snapshot admission reads under the {@code stale_cache_ms} fault; benignly racy. */
    private volatile CachedState cached;

    private record CachedState(KeyState state, Instant takenAt) {}

    public ApiKey(
            long id,
            String name,
            String keyHash,
            String maskedKey,
            Instant createdAt,
            Instant expiresAt,
            ResetType resetType,
            KeyState initial) {
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.keyHash = Objects.requireNonNull(keyHash, "keyHash");
        this.maskedKey = Objects.requireNonNull(maskedKey, "maskedKey");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = expiresAt;
        this.resetType = Objects.requireNonNull(resetType, "resetType");
        this.state = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public long id() {
        return id;
    }

    public String idString() {
        return Long.toString(id);
    }

    public String name() {
        return name;
    }

    public String keyHash() {
        return keyHash;
    }

    public String maskedKey() {
        return maskedKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The expiry instant, or {@code null} when the key never expires. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public ResetType resetType() {
        return resetType;
    }

    public KeyState state() {
        return state.get();
    }

    /**
     * Applies {@code change} atomically (retried on contention, so it must be side-effect free).
     */
    public KeyState update(UnaryOperator<KeyState> change) {
        return state.updateAndGet(change);
    }

    /** Compare-and-set, for callers that decide from the previous state (atomic admission). */
    public boolean compareAndSet(KeyState expected, KeyState next) {
        return state.compareAndSet(expected, next);
    }

    /**
     * Expired when the clock's second is past the expiry second: the exact expiry second is still
     * valid.
     *
     * @param offByOneSeconds the {@code expiry_off_by_one} fault: shifts the check (0 is correct)
     */
    public boolean isExpired(Instant now, long offByOneSeconds) {
        return expiresAt != null
                && now.getEpochSecond() > expiresAt.getEpochSecond() + offByOneSeconds;
    }

    /** The status the platform would show for {@code s} at {@code now}. */
    public KeyStatus statusOf(KeyState s, Instant now, long offByOneSeconds) {
        if (!s.enabled()) {
            return KeyStatus.DISABLED;
        }
        if (isExpired(now, offByOneSeconds)) {
            return KeyStatus.EXPIRED;
        }
        return s.exhausted() ? KeyStatus.EXHAUSTED : KeyStatus.ENABLED;
    }

    /**
     * Resets the period when {@code now} has reached the next boundary plus {@code lag}, jumping
     * over any missed boundaries to the latest one (no carry-over). Cheap when no reset is due.
     */
    public KeyState applyDueReset(Instant now, ResetCalendar calendar, Duration lag) {
        KeyState current = state.get();
        if (!resetDue(current, now, lag)) {
            return current;
        }
        return state.updateAndGet(
                s -> {
                    if (!resetDue(s, now, lag)) {
                        return s;
                    }
                    Instant newStart = calendar.periodStart(resetType, now.minus(lag));
                    if (!newStart.isAfter(s.periodStart())) {
                        return s;
                    }
                    return s.resetTo(newStart, calendar.nextBoundary(resetType, newStart));
                });
    }

    private static boolean resetDue(KeyState s, Instant now, Duration lag) {
        return s.nextResetAt() != null && !now.isBefore(s.nextResetAt().plus(lag));
    }

    /** Recomputes the next boundary after a calendar change (reset zone or weekday switched). */
    public void recalendar(ResetCalendar calendar) {
        if (resetType != ResetType.NONE) {
            state.updateAndGet(
                    s -> s.withNextResetAt(calendar.nextBoundary(resetType, s.periodStart())));
        }
    }

    /**
     * The state admission checks: the live one, or with {@code maxAge > 0} a snapshot up to that
     * old (the {@code stale_cache_ms} fault, as a Redis-cached token in new-api).
     */
    public KeyState snapshot(Instant now, Duration maxAge) {
        if (maxAge.isZero()) {
            return state.get();
        }
        CachedState c = cached;
        if (c != null
                && !now.isBefore(c.takenAt())
                && Duration.between(c.takenAt(), now).compareTo(maxAge) < 0) {
            return c.state();
        }
        KeyState live = state.get();
        cached = new CachedState(live, now);
        return live;
    }

    @Override
    public String toString() {
        return "ApiKey[id="
                + id
                + ", name="
                + name
                + ", reset="
                + resetType
                + ", state="
                + state.get()
                + "]";
    }
}
