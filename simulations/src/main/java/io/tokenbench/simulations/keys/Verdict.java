package io.tokenbench.simulations.keys;

import java.util.Locale;

/** A check's answer. Only {@link #FAIL} makes the run fail (exit 1). */
public enum Verdict {
    /** Behaved as PowerTokens documents. */
    PASS,
    /** Broke the contract; the evidence says how. */
    FAIL,
    /**
     * Within the contract, but the effect is measured, not judged (e.g. overshoot of a racy
     * reservation).
     */
    QUANTIFIED,
    /** Could not be checked against this target; the evidence says why. */
    NOT_CHECKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
