package io.tokenbench.reports.gate;

import java.util.List;

/**
 * Every rule's result and the exit code: 2 when any rule could not be evaluated, else 1 when any
 * failed (or was inconclusive with {@code inconclusiveFails}), else 0.
 */
public record GateReport(List<RuleResult> results, boolean inconclusiveFails) {

    public static final int PASS = 0;
    public static final int REGRESSION = 1;
    public static final int CANNOT_EVALUATE = 2;

    public GateReport {
        results = List.copyOf(results);
    }

    public int exitCode() {
        if (results.stream().anyMatch(r -> r.verdict() == Verdict.ERROR)) {
            return CANNOT_EVALUATE;
        }
        boolean failed =
                results.stream()
                        .anyMatch(
                                r ->
                                        r.verdict() == Verdict.FAIL
                                                || (inconclusiveFails
                                                        && r.verdict() == Verdict.INCONCLUSIVE));
        return failed ? REGRESSION : PASS;
    }

    public long count(Verdict v) {
        return results.stream().filter(r -> r.verdict() == v).count();
    }
}
