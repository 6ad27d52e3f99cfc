package io.tokenbench.reports.gate;

import java.util.List;

/**
 * Every rule's result and the exit code: 1 when any rule failed (or was inconclusive with {@code
 * inconclusiveFails}), even if another rule could not be evaluated (a regression found is news
 * whatever else is missing); else 2 when any rule could not be evaluated; else 0.
 */
public record GateReport(List<RuleResult> results, boolean inconclusiveFails) {

    public static final int PASS = 0;
    public static final int REGRESSION = 1;
    public static final int CANNOT_EVALUATE = 2;

    public GateReport {
        results = List.copyOf(results);
    }

    public int exitCode() {
        boolean failed =
                results.stream()
                        .anyMatch(
                                r ->
                                        r.verdict() == Verdict.FAIL
                                                || (inconclusiveFails
                                                        && r.verdict() == Verdict.INCONCLUSIVE));
        if (failed) {
            return REGRESSION;
        }
        return results.stream().anyMatch(r -> r.verdict() == Verdict.ERROR)
                ? CANNOT_EVALUATE
                : PASS;
    }

    public long count(Verdict v) {
        return results.stream().filter(r -> r.verdict() == v).count();
    }
}
