package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.Quantity;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.Stat;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.record.Metric;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules a run folder's {@code junit.xml} holds when {@code report} gets no {@code --rules}: the
 * validity check that the load generator kept its schedule ({@code dispatch_lag.p99 <= budget}),
 * when the run has dispatch-lag samples.
 */
public final class DefaultRules {

    private DefaultRules() {}

    public static List<Rule> forRun(RunData run, RunSummary summary) {
        MetricSummary lag = summary.metrics().get(Metric.DISPATCH_LAG.wireName());
        if (lag == null || lag.count() == 0) {
            return List.of();
        }
        double budget = SummaryBuilder.dispatchBudgetMillis(run);
        Quantity q = new Quantity.SeriesStat(Metric.DISPATCH_LAG.wireName(), Stat.P99, "ms");
        return List.of(
                new Rule(
                        String.format(Locale.ROOT, "dispatch_lag.p99 <= %sms", budget),
                        0,
                        q,
                        Rule.Op.LE,
                        new Rule.Absolute(budget),
                        Optional.empty()));
    }
}
