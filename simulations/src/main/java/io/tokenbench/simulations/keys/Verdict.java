package io.tokenbench.simulations.keys;

import com.fasterxml.jackson.annotation.JsonValue;
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

    /** {@code pass}, {@code fail}, {@code quantified}, {@code not_checked}: also its JSON form. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@link #PASS} without a problem, else {@link #FAIL}. */
    public static Verdict passUnless(String problem) {
        return problem == null ? PASS : FAIL;
    }
}
