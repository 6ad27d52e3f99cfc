package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.SummaryBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures how often relative rules FAIL on identical runs: pairs (or sets) of runs drawn from the
 * same distribution with different seeds. {@code main} prints the figures quoted in
 * reports/README.md: {@code java -cp ... io.tokenbench.reports.gate.FalseAlarmRate 400}.
 */
public final class FalseAlarmRate {

    private FalseAlarmRate() {}

    /**
     * FAIL counts per rule over {@code trials} baseline/current sets of {@code runsPerSide} runs
     * each.
     */
    static int[] measure(int trials, int runsPerSide, List<String> ruleLines) {
        int[] fails = new int[ruleLines.size()];
        long seed = 1000;
        for (int t = 0; t < trials; t++) {
            List<RunData> base = new ArrayList<>();
            List<RunData> cur = new ArrayList<>();
            for (int r = 0; r < runsPerSide; r++) {
                base.add(SyntheticRuns.run(seed++, 30, 200, 100));
                cur.add(SyntheticRuns.run(seed++, 30, 200, 100));
            }
            List<Rule> rules =
                    RuleParser.parse(ruleLines, List.of(SummaryBuilder.build(base.get(0))));
            GateReport g = GateEvaluator.evaluate(rules, base, cur, false);
            for (int i = 0; i < rules.size(); i++) {
                if (g.results().get(i).verdict() == Verdict.FAIL) {
                    fails[i]++;
                }
            }
        }
        return fails;
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        List<String> rules =
                List.of(
                        "ttft.p50 <= baseline",
                        "ttft.p99 <= baseline",
                        "ttft.p99 <= baseline + 5%",
                        "ttft.p99 <= baseline + 10%",
                        "outcome.http_5xx.rate <= baseline",
                        "throughput.completed_rps >= baseline");
        for (int runs : new int[] {1, 3}) {
            int[] fails = measure(trials, runs, rules);
            for (int i = 0; i < rules.size(); i++) {
                System.out.printf(
                        "%d run(s) per side, %-40s false alarms %3d / %d = %.1f%%%n",
                        runs, rules.get(i), fails[i], trials, 100.0 * fails[i] / trials);
            }
        }
    }
}
