package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.Pooling;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates rules on current runs (pooled) and optional baseline runs (pooled). Absolute rules
 * compare the pooled current value with the limit. Relative rules are decided by {@link
 * BlockBootstrap} when both sides have at least two blocks, else by the point estimates. Every rule
 * is evaluated; none stops the others.
 */
public final class GateEvaluator {

    private GateEvaluator() {}

    public static GateReport evaluate(
            List<Rule> rules,
            List<RunData> baselines,
            List<RunData> currents,
            boolean inconclusiveFails) {
        RunSummary current = SummaryBuilder.build(Pooling.pool(currents));
        Optional<RunSummary> baseline =
                baselines.isEmpty()
                        ? Optional.empty()
                        : Optional.of(SummaryBuilder.build(Pooling.pool(baselines)));
        BlockBootstrap.Side curSide = new BlockBootstrap.Side(currents);
        BlockBootstrap.Side baseSide = new BlockBootstrap.Side(baselines);
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : rules) {
            results.add(evaluate(rule, baseline, baseSide, current, curSide));
        }
        return new GateReport(results, inconclusiveFails);
    }

    /**
     * Absolute rules on one summary (a run's verdict): each rule decided on the point value;
     * relative rules cannot be evaluated here (no baseline).
     */
    public static List<RuleResult> evaluateOn(List<Rule> rules, RunSummary current) {
        BlockBootstrap.Side none = new BlockBootstrap.Side(List.of());
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : rules) {
            results.add(evaluate(rule, Optional.empty(), none, current, none));
        }
        return results;
    }

    private static RuleResult evaluate(
            Rule rule,
            Optional<RunSummary> baseline,
            BlockBootstrap.Side baseSide,
            RunSummary current,
            BlockBootstrap.Side curSide) {
        String hint = Hints.forRule(rule);
        double actual = rule.quantity().valueIn(current);
        if (Double.isNaN(actual)) {
            return new RuleResult(
                    rule,
                    Verdict.ERROR,
                    Double.NaN,
                    actual,
                    Double.NaN,
                    "cannot evaluate: "
                            + rule.quantity().name()
                            + " has no data in the current run(s)"
                            + " (missing metric or empty histogram)",
                    hint);
        }
        if (!rule.threshold().needsBaseline()) {
            double required = rule.threshold().limit(Double.NaN);
            boolean violated = rule.op().violated(rule.op().margin(actual, required));
            return new RuleResult(
                    rule,
                    violated ? Verdict.FAIL : Verdict.PASS,
                    required,
                    actual,
                    Double.NaN,
                    "point estimate",
                    hint);
        }
        if (baseline.isEmpty()) {
            return new RuleResult(
                    rule,
                    Verdict.ERROR,
                    Double.NaN,
                    actual,
                    Double.NaN,
                    "cannot evaluate: relative rule without --baseline",
                    hint);
        }
        double base = rule.quantity().valueIn(baseline.get());
        if (Double.isNaN(base)) {
            return new RuleResult(
                    rule,
                    Verdict.ERROR,
                    Double.NaN,
                    actual,
                    base,
                    "cannot evaluate: "
                            + rule.quantity().name()
                            + " has no data in the baseline run(s)",
                    hint);
        }
        double required = rule.threshold().limit(base);
        Optional<BlockBootstrap.Interval> interval = Optional.empty();
        try {
            interval =
                    BlockBootstrap.margin(
                            rule,
                            BlockStatistic.of(rule.quantity(), baseSide.blocks, baseline.get()),
                            baseSide,
                            BlockStatistic.of(rule.quantity(), curSide.blocks, current),
                            curSide);
        } catch (RuntimeException e) {
            // a quantity without block data (e.g. a series absent from every block): fall back to
            // the point
        }
        if (interval.isEmpty()) {
            boolean violated = rule.op().violated(rule.op().margin(actual, required));
            return new RuleResult(
                    rule,
                    violated ? Verdict.FAIL : Verdict.PASS,
                    required,
                    actual,
                    base,
                    "point estimate (too few intervals for the bootstrap)",
                    hint);
        }
        BlockBootstrap.Interval i = interval.get();
        Verdict verdict =
                i.high() < 0
                                || (i.high() == 0
                                        && (rule.op() == Rule.Op.LE || rule.op() == Rule.Op.GE))
                        ? Verdict.PASS
                        : i.low() > 0 ? Verdict.FAIL : Verdict.INCONCLUSIVE;
        String method =
                String.format(
                        Locale.ROOT,
                        "block bootstrap, %d replicates: %.0f%% interval of the margin"
                                + " (current - limit, >0 = violated) [%s, %s] %s",
                        BlockBootstrap.REPLICATES,
                        BlockBootstrap.CONFIDENCE * 100,
                        num(i.low()),
                        num(i.high()),
                        rule.quantity().unit());
        return new RuleResult(rule, verdict, required, actual, base, method, hint);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
