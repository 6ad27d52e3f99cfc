package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.Verdict;
import java.util.Objects;

/**
 * The verdict of one evidence row with its problem: null only for {@link Verdict#PASS} and {@link
 * Verdict#QUANTIFIED}; a {@link Verdict#NOT_CHECKED} row says why.
 */
record Judgement(Verdict verdict, String problem) {

    Judgement {
        Objects.requireNonNull(verdict, "verdict");
        if ((verdict == Verdict.FAIL || verdict == Verdict.NOT_CHECKED) && problem == null) {
            throw new IllegalArgumentException(verdict + " needs a problem");
        }
    }

    static Judgement pass() {
        return new Judgement(Verdict.PASS, null);
    }

    static Judgement fail(String problem) {
        return new Judgement(Verdict.FAIL, problem);
    }

    static Judgement notChecked(String why) {
        return new Judgement(Verdict.NOT_CHECKED, why);
    }

    /** Pass without a problem, else fail. */
    static Judgement passUnless(String problem) {
        return problem == null ? pass() : fail(problem);
    }

    boolean failed() {
        return verdict == Verdict.FAIL;
    }
}
