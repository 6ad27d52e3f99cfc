package io.tokenbench.simulations.keys;

import java.util.Objects;

/**
 * One check's answer: its verdict, a one-line reason a human can act on, and machine-readable
 * evidence (a record per check, see {@link Evidence}).
 */
public record CheckResult(CheckName name, Verdict verdict, String summary, Evidence evidence) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static CheckResult notChecked(CheckName name, String why) {
        return new CheckResult(name, Verdict.NOT_CHECKED, why, new Evidence.Reason(why));
    }
}
