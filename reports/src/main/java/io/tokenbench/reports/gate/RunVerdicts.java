package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.CheckResult;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.RunVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a run's {@link RunChecks} on its summary into a {@link RunVerdict}: the validity check
 * first, then every rule (defaults not replaced, then the user's), each with its measured value.
 * Rules are decided like the gate's absolute rules (point estimate on the measured window).
 */
public final class RunVerdicts {

    private RunVerdicts() {}

    public static RunVerdict evaluate(RunSummary summary, RunChecks checks) {
        List<CheckResult> results = new ArrayList<>();
        results.add(validity(summary));
        for (RuleResult r : GateEvaluator.evaluateOn(checks.effectiveRules(), summary)) {
            results.add(toCheck(r));
        }
        return RunVerdict.of(results);
    }

    /** Fails when a flag of {@link RunVerdict#INVALIDATING_FLAGS} is set. */
    static CheckResult validity(RunSummary s) {
        List<String> invalid =
                s.validity().stream()
                        .map(RunSummary.ValidityFlag::code)
                        .filter(RunVerdict.INVALIDATING_FLAGS::contains)
                        .toList();
        return new CheckResult(
                RunVerdict.VALIDITY_CHECK,
                RunVerdict.VALIDITY_METRIC,
                "<=",
                0,
                "invalidating flags",
                invalid.size(),
                invalid.isEmpty() ? CheckResult.Status.PASS : CheckResult.Status.FAIL,
                CheckResult.Origin.DEFAULT,
                invalid.isEmpty()
                        ? "no invalidating validity flag"
                        : "invalidating validity flags: " + String.join(", ", invalid));
    }

    static CheckResult toCheck(RuleResult r) {
        Rule rule = r.rule();
        CheckResult.Status status =
                switch (r.verdict()) {
                    case PASS -> CheckResult.Status.PASS;
                    case FAIL -> CheckResult.Status.FAIL;
                    case INCONCLUSIVE, ERROR -> CheckResult.Status.NOT_EVALUATED;
                };
        double threshold =
                rule.threshold().needsBaseline() ? r.required() : rule.threshold().limit(0);
        String detail =
                status == CheckResult.Status.FAIL ? r.method() + ". Hint: " + r.hint() : r.method();
        return new CheckResult(
                rule.text(),
                rule.quantity().name(),
                rule.op().symbol(),
                threshold,
                rule.quantity().unit(),
                r.actual(),
                status,
                RunChecks.isUser(rule) ? CheckResult.Origin.USER : CheckResult.Origin.DEFAULT,
                detail);
    }
}
