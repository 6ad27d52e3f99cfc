package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.compare.Delta;
import io.tokenbench.reports.gate.GateEvaluator;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.gate.Rule;
import io.tokenbench.reports.gate.RuleParser;
import io.tokenbench.reports.gate.RuleResult;
import io.tokenbench.reports.html.Severity;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.Stat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistical verdict of each delta of a comparison, from the gate's block bootstrap: the rule
 * {@code q <= baseline} fails when the 90% interval of current - baseline lies above 0 (higher),
 * passes when it lies at or below 0 (lower), and is inconclusive when it contains 0 (within noise).
 * With fewer than two intervals on a side there is no interval, and the verdict says so.
 */
final class DeltaVerdicts {

    /** A verdict in words and its colour. */
    record Verdict(String text, Severity severity) {}

    private DeltaVerdicts() {}

    static Map<String, Verdict> of(Comparison c, RunData baseline, RunData current) {
        List<Delta> candidates = new ArrayList<>();
        for (Delta d : c.metrics()) {
            if (d.quantity().name().endsWith("." + Stat.P50.wireName())
                    || d.quantity().name().endsWith("." + Stat.P99.wireName())) {
                candidates.add(d);
            }
        }
        for (Delta d : c.run()) {
            if (!d.quantity().isTotal()) {
                candidates.add(d);
            }
        }
        candidates.addAll(c.outcomes());
        List<Rule> rules = new ArrayList<>();
        Map<Rule, Delta> byRule = new LinkedHashMap<>();
        for (Delta d : candidates) {
            if (Double.isNaN(d.baseline()) || Double.isNaN(d.current())) {
                continue;
            }
            try {
                Rule r =
                        RuleParser.parse(
                                        List.of(d.quantity().name() + " <= baseline"),
                                        List.of(c.baseline(), c.current()))
                                .get(0);
                rules.add(r);
                byRule.put(r, d);
            } catch (IllegalArgumentException e) {
                // a quantity rules cannot name gets no verdict
            }
        }
        GateReport g = GateEvaluator.evaluate(rules, List.of(baseline), List.of(current), false);
        Map<String, Verdict> out = new LinkedHashMap<>();
        for (RuleResult r : g.results()) {
            Delta d = byRule.get(r.rule());
            if (d == null) {
                continue;
            }
            boolean bootstrap = r.method().startsWith("block bootstrap");
            Verdict v =
                    switch (r.verdict()) {
                        case FAIL ->
                                bootstrap
                                        ? new Verdict(
                                                "higher (significant)",
                                                CompareTables.severity(d.quantity(), 1))
                                        : new Verdict("higher (no interval)", Severity.INFO);
                        case PASS ->
                                d.absolute() == 0
                                        ? new Verdict("equal", Severity.INFO)
                                        : bootstrap
                                                ? new Verdict(
                                                        "lower (significant)",
                                                        CompareTables.severity(d.quantity(), -1))
                                                : new Verdict("lower (no interval)", Severity.INFO);
                        case INCONCLUSIVE -> new Verdict("within noise", Severity.INFO);
                        case ERROR -> new Verdict("not evaluated", Severity.INFO);
                    };
            out.put(d.quantity().name(), v);
        }
        return out;
    }
}
