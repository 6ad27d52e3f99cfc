package io.tokenbench.mock.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable snapshot of a key's mutable part: switch, limit and ledger. Replaced as a whole by
 * compare-and-set in {@link ApiKey}, so a reader always sees a consistent balance.
 *
 * @param enabled false after an admin disabled the key
 * @param unlimited true when the key has no Credit limit
 * @param limitMicroCredits the limit per period (0 when unlimited)
 * @param usedInPeriodMicroCredits charges and open reservations of the current period
 * @param usedTotalMicroCredits charges and open reservations since creation; never reset
 * @param periodStart start of the current period (the creation instant for reset none)
 * @param nextResetAt the next boundary, or {@code null} for reset none
 */
public record KeyState(
        boolean enabled,
        boolean unlimited,
        long limitMicroCredits,
        long usedInPeriodMicroCredits,
        long usedTotalMicroCredits,
        Instant periodStart,
        Instant nextResetAt) {

    public KeyState {
        Objects.requireNonNull(periodStart, "periodStart");
        if (limitMicroCredits < 0) {
            throw new IllegalArgumentException(
                    "limitMicroCredits must be >= 0: " + limitMicroCredits);
        }
        if (unlimited && limitMicroCredits != 0) {
            throw new IllegalArgumentException(
                    "an unlimited key has no limit: " + limitMicroCredits);
        }
    }

    /** {@code limit - used_in_period}; may be negative; meaningless for unlimited keys. */
    public long remainingMicroCredits() {
        return limitMicroCredits - usedInPeriodMicroCredits;
    }

    /** True for a limited key whose remaining Credits are zero or below. */
    public boolean exhausted() {
        return !unlimited && remainingMicroCredits() <= 0;
    }

    public KeyState charged(long periodDeltaMicroCredits, long totalDeltaMicroCredits) {
        return new KeyState(
                enabled,
                unlimited,
                limitMicroCredits,
                Math.addExact(usedInPeriodMicroCredits, periodDeltaMicroCredits),
                Math.addExact(usedTotalMicroCredits, totalDeltaMicroCredits),
                periodStart,
                nextResetAt);
    }

    /**
     * The state after a reset: period usage zero, new period; total, limit and switch unchanged.
     */
    public KeyState resetTo(Instant newPeriodStart, Instant newNextResetAt) {
        return new KeyState(
                enabled,
                unlimited,
                limitMicroCredits,
                0,
                usedTotalMicroCredits,
                newPeriodStart,
                newNextResetAt);
    }

    public KeyState withEnabled(boolean newEnabled) {
        return new KeyState(
                newEnabled,
                unlimited,
                limitMicroCredits,
                usedInPeriodMicroCredits,
                usedTotalMicroCredits,
                periodStart,
                nextResetAt);
    }

    /** A new limit; {@code null} makes the key unlimited. */
    public KeyState withLimit(Long newLimitMicroCredits) {
        boolean nowUnlimited = newLimitMicroCredits == null;
        return new KeyState(
                enabled,
                nowUnlimited,
                nowUnlimited ? 0 : newLimitMicroCredits,
                usedInPeriodMicroCredits,
                usedTotalMicroCredits,
                periodStart,
                nextResetAt);
    }

    public KeyState withNextResetAt(Instant newNextResetAt) {
        return new KeyState(
                enabled,
                unlimited,
                limitMicroCredits,
                usedInPeriodMicroCredits,
                usedTotalMicroCredits,
                periodStart,
                newNextResetAt);
    }
}
