package io.tokenbench.mock.billing;

import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.KeyState;
import java.time.Instant;

/**
 * Postings to a key's ledger. Every posting is one compare-and-set of the key's state, so
 * concurrent reservations and settlements never lose an update.
 */
public final class Ledger {

    private Ledger() {}

    /** The outcome of {@link #tryReserve}. */
    public enum ReserveOutcome {
        RESERVED,
        DISABLED,
        EXHAUSTED,
        INSUFFICIENT
    }

    /**
     * @param outcome what happened
     * @param before the state the decision was taken on
     * @param reservedMicroCredits what was reserved (0 unless {@code RESERVED})
     */
    public record ReserveResult(
            ReserveOutcome outcome, KeyState before, long reservedMicroCredits) {}

    /**
     * Adds {@code amount} to the period and the total without any check (the "act" of
     * check-then-act).
     *
     * @return the state the reservation landed in (its period is the reservation's period)
     */
    public static KeyState reserveUnchecked(ApiKey key, long amountMicroCredits) {
        if (amountMicroCredits == 0) {
            return key.state();
        }
        return key.update(s -> s.charged(amountMicroCredits, amountMicroCredits));
    }

    /**
     * Check and reservation in one compare-and-set step (the {@code atomic} mode): admitted only
     * when the key is enabled, not exhausted and {@code remaining >= estimate} in the very state
     * that is replaced.
     *
     * @param trustAboveMicroCredits reserve nothing and skip the estimate check when remaining
     *     exceeds this (the {@code trust_bypass} fault); negative disables it
     */
    public static ReserveResult tryReserve(
            ApiKey key, long estimateMicroCredits, long trustAboveMicroCredits) {
        while (true) {
            KeyState s = key.state();
            if (!s.enabled()) {
                return new ReserveResult(ReserveOutcome.DISABLED, s, 0);
            }
            if (s.unlimited()) {
                return new ReserveResult(ReserveOutcome.RESERVED, s, 0);
            }
            if (s.exhausted()) {
                return new ReserveResult(ReserveOutcome.EXHAUSTED, s, 0);
            }
            boolean trusted =
                    trustAboveMicroCredits >= 0
                            && s.remainingMicroCredits() > trustAboveMicroCredits;
            long amount = trusted ? 0 : estimateMicroCredits;
            if (!trusted && s.remainingMicroCredits() < estimateMicroCredits) {
                return new ReserveResult(ReserveOutcome.INSUFFICIENT, s, 0);
            }
            if (amount == 0 || key.compareAndSet(s, s.charged(amount, amount))) {
                return new ReserveResult(ReserveOutcome.RESERVED, s, amount);
            }
        }
    }

    /**
     * Replaces a reservation by the final charge: {@code delta = charge − reserved} on the total.
     * In the admission period the same delta applies to the period; after a reset the new period
     * gets the whole charge ({@link PeriodAttribution#SETTLEMENT}) or nothing ({@link
     * PeriodAttribution#ADMISSION}); the old period's reservation vanished with the reset. A refund
     * is a charge of 0.
     *
     * @return the start of the period the charge was attributed to
     */
    public static Instant post(
            ApiKey key,
            Instant admissionPeriodStart,
            long reservedMicroCredits,
            long chargeMicroCredits,
            PeriodAttribution attribution) {
        long delta = chargeMicroCredits - reservedMicroCredits;
        KeyState after =
                key.update(
                        s -> {
                            if (s.periodStart().equals(admissionPeriodStart)) {
                                return s.charged(delta, delta);
                            }
                            long periodDelta =
                                    attribution == PeriodAttribution.SETTLEMENT
                                            ? chargeMicroCredits
                                            : 0;
                            return s.charged(periodDelta, delta);
                        });
        return after.periodStart().equals(admissionPeriodStart)
                        || attribution == PeriodAttribution.ADMISSION
                ? admissionPeriodStart
                : after.periodStart();
    }

    /**
     * The period {@link #post} would attribute to if it ran now (for deferred postings' log rows).
     */
    public static Instant attributedPeriod(
            ApiKey key, Instant admissionPeriodStart, PeriodAttribution attribution) {
        Instant current = key.state().periodStart();
        return current.equals(admissionPeriodStart) || attribution == PeriodAttribution.ADMISSION
                ? admissionPeriodStart
                : current;
    }
}
