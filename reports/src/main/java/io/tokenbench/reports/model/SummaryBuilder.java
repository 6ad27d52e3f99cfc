package io.tokenbench.reports.model;

import io.tokenbench.reports.record.Metric;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.PhaseCounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link RunSummary} from a {@link RunData}: one entry per metric of {@link Metric} (empty ones
 * with count 0), plus any other series (JMH benchmarks), rates over the measured window, and validity flags.
 */
public final class SummaryBuilder {

    /** Parameter in run.json overriding the dispatch-lag p99 budget, in ms. */
    public static final String DISPATCH_BUDGET_PARAMETER = "dispatch_lag_budget_ms";
    /** Default dispatch-lag p99 budget: above it the load generator is considered saturated. */
    public static final double DEFAULT_DISPATCH_BUDGET_MILLIS = 50.0;

    private SummaryBuilder() {
    }

    public static RunSummary build(RunData run) {
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        if (run.info().isPresent()) {
            for (Metric m : Metric.values()) {
                metrics.put(m.wireName(), MetricSummary.empty(m.wireName(), m.unit()));
            }
        }
        run.series().forEach((name, s) -> metrics.put(name, s.summary()));

        PhaseCounts c = run.measured();
        double secs = run.header().measuredSeconds();
        long attempted = c.attempted();
        long success = c.outcome(Outcome.OK) + c.outcome(Outcome.USAGE_MISSING);
        long offered = c.scheduled() > 0 ? c.scheduled() : attempted;
        RunSummary.Requests requests = new RunSummary.Requests(c.scheduled(), c.sent(), c.completed(), attempted,
                c.good(), c.unfinished(), c.tokenMismatch());
        RunSummary.Throughput throughput = new RunSummary.Throughput(rate(offered, secs), rate(c.sent(), secs),
                rate(c.completed(), secs), rate(c.outputTokens(), secs), rate(c.inputTokens(), secs));
        RunSummary.Goodput goodput = new RunSummary.Goodput(rate(c.good(), secs), ratio(c.good(), attempted));
        RunSummary.RetryAfter retry = new RunSummary.RetryAfter(c.retryAfterCount(),
                c.retryAfterCount() == 0 ? Double.NaN : (double) c.retryAfterSumMillis() / c.retryAfterCount(),
                c.retryAfterMaxMillis());
        return new RunSummary(RunSummary.SCHEMA_VERSION, run.header(), metrics, c.outcomes(), requests, throughput,
                goodput, ratio(attempted - success, attempted), c.microCredits(), retry, flags(run, metrics, c));
    }

    private static List<RunSummary.ValidityFlag> flags(RunData run, Map<String, MetricSummary> metrics, PhaseCounts c) {
        List<RunSummary.ValidityFlag> flags = new ArrayList<>();
        MetricSummary lag = metrics.get(Metric.DISPATCH_LAG.wireName());
        double budget = dispatchBudgetMillis(run);
        if (lag != null && lag.count() > 0 && lag.p99() > budget) {
            flags.add(new RunSummary.ValidityFlag("load_generator_saturated", String.format(java.util.Locale.ROOT,
                    "load generator saturated: dispatch_lag p99 %.1f ms exceeds the %.1f ms budget; latencies are"
                            + " not trustworthy", lag.p99(), budget)));
        }
        if (run.series().keySet().stream().anyMatch(n -> n.endsWith(CoordinatedOmission.SUFFIX))) {
            flags.add(new RunSummary.ValidityFlag("co_corrected", "*" + CoordinatedOmission.SUFFIX + " metrics are"
                    + " corrected for coordinated omission (copyCorrectedForCoordinatedOmission); the plain ones are not"));
        }
        if (run.header().loadModel() instanceof LoadModel.Closed) {
            flags.add(new RunSummary.ValidityFlag("closed_model", "closed model: latencies include coordinated"
                    + " omission (no *_sched correction)"));
        }
        if ("gatling".equals(run.header().driver())) {
            flags.add(new RunSummary.ValidityFlag("millisecond_timestamps", "Gatling SSE timestamps are in"
                    + " milliseconds: itl, tpot and ttft have 1 ms resolution"));
        }
        if (run.info().isPresent() && c.attempted() == 0) {
            flags.add(new RunSummary.ValidityFlag("no_measured_requests", "no request was scheduled in the"
                    + " measurement window"));
        }
        if (c.unfinished() > 0) {
            flags.add(new RunSummary.ValidityFlag("unfinished_requests", "scheduled requests still in flight when"
                    + " the recorder closed: " + c.unfinished() + " (counted as timeout_idle)"));
        }
        if (c.outcome(Outcome.USAGE_MISSING) > 0) {
            flags.add(new RunSummary.ValidityFlag("usage_missing", "responses without usage (tokens counted by"
                    + " the client): " + c.outcome(Outcome.USAGE_MISSING)));
        }
        if (c.tokenMismatch() > 0) {
            flags.add(new RunSummary.ValidityFlag("token_mismatch", "responses whose client token count differs"
                    + " from the server's usage: " + c.tokenMismatch()));
        }
        return flags;
    }

    /** The dispatch-lag p99 budget of a run: run.json parameter {@value #DISPATCH_BUDGET_PARAMETER}, else the default. */
    public static double dispatchBudgetMillis(RunData run) {
        return run.info().map(i -> i.parameters().get(DISPATCH_BUDGET_PARAMETER)).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return DEFAULT_DISPATCH_BUDGET_MILLIS;
            }
        }).orElse(DEFAULT_DISPATCH_BUDGET_MILLIS);
    }

    static double rate(long count, double seconds) {
        return seconds > 0 ? count / seconds : Double.NaN;
    }

    static double ratio(long part, long whole) {
        return whole > 0 ? (double) part / whole : Double.NaN;
    }
}
