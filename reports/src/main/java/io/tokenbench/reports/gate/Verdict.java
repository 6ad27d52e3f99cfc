package io.tokenbench.reports.gate;

/** The answer of one rule. */
public enum Verdict {
    PASS,
    FAIL,
    INCONCLUSIVE,
    /** Could not evaluate: missing metric, empty histogram, no baseline. */
    ERROR
}
