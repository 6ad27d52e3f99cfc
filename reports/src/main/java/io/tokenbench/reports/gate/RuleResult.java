package io.tokenbench.reports.gate;

import java.util.Objects;

/**
 * The outcome of one rule with everything needed to act on it.
 *
 * @param rule the rule
 * @param verdict pass, fail, inconclusive or error
 * @param required the limit, e.g. {@code <= 880 ms}
 * @param actual the current value (pooled over current runs); NaN when undefined
 * @param baseline the baseline value (pooled), NaN for absolute rules
 * @param method how it was decided, e.g. {@code point estimate} or the bootstrap interval
 * @param hint what to look at next
 */
public record RuleResult(
        Rule rule,
        Verdict verdict,
        double required,
        double actual,
        double baseline,
        String method,
        String hint) {

    public RuleResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(hint, "hint");
    }

    /** actual - baseline (relative rules), or actual - required (absolute rules). */
    public double delta() {
        return rule.threshold().needsBaseline() ? actual - baseline : actual - required;
    }

    /** delta relative to the baseline (or to the required value). */
    public double deltaRelative() {
        double ref = rule.threshold().needsBaseline() ? baseline : required;
        return ref == 0 || Double.isNaN(ref) ? Double.NaN : delta() / ref;
    }
}
