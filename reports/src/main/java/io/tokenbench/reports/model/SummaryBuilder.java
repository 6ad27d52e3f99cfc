package io.tokenbench.reports.model;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Metric;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.PhaseCounts;
import io.tokenbench.reports.record.SeriesKey;
import io.tokenbench.reports.record.Slo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a {@link RunSummary} from a {@link RunData}: one entry per metric of {@link Metric}
 * (empty ones with count 0), plus any other series (JMH benchmarks), rates over the measured
 * window, and validity flags.
 */
public final class SummaryBuilder {

    /** Parameter in run.json overriding the dispatch-lag p99 budget, in ms. */
    public static final String DISPATCH_BUDGET_PARAMETER = "dispatch_lag_budget_ms";

    /** Default dispatch-lag p99 budget: above it the load generator is considered saturated. */
    public static final double DEFAULT_DISPATCH_BUDGET_MILLIS = 50.0;

    private SummaryBuilder() {}

    public static RunSummary build(RunData run) {
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        if (run.info().isPresent()) {
            for (Metric m : Metric.values()) {
                metrics.put(m.wireName(), MetricSummary.empty(m.wireName(), m.unit()));
            }
        }
        run.series()
                .forEach(
                        (name, s) -> {
                            if (SeriesKey.parse(name).flatMap(SeriesKey::endpoint).isEmpty()) {
                                metrics.put(
                                        name, s.summary()); // per-class series go to classes(run)
                            }
                        });

        PhaseCounts c = run.measured();
        double secs = run.header().measuredSeconds();
        long attempted = c.attempted();
        long success = c.outcome(Outcome.OK) + c.outcome(Outcome.USAGE_MISSING);
        long offered = c.scheduled() > 0 ? c.scheduled() : attempted;
        RunSummary.Requests requests =
                new RunSummary.Requests(
                        c.scheduled(),
                        c.sent(),
                        c.completed(),
                        attempted,
                        c.good(),
                        c.unfinished(),
                        c.tokenMismatch());
        RunSummary.Throughput throughput =
                new RunSummary.Throughput(
                        rate(offered, secs),
                        rate(c.sent(), secs),
                        rate(c.completed(), secs),
                        rate(c.outputTokens(), secs),
                        rate(c.inputTokens(), secs));
        RunSummary.Goodput goodput =
                new RunSummary.Goodput(rate(c.good(), secs), ratio(c.good(), attempted));
        RunSummary.RetryAfter retry =
                new RunSummary.RetryAfter(
                        c.retryAfterCount(),
                        c.retryAfterCount() == 0
                                ? Double.NaN
                                : (double) c.retryAfterSumMillis() / c.retryAfterCount(),
                        c.retryAfterMaxMillis());
        return new RunSummary(
                RunSummary.SCHEMA_VERSION,
                run.header(),
                metrics,
                c.outcomes(),
                requests,
                throughput,
                goodput,
                ratio(attempted - success, attempted),
                c.microCredits(),
                retry,
                flags(run, metrics, c),
                classes(run));
    }

    /**
     * One summary per endpoint class with traffic, in class order (empty unless recorded per
     * class).
     */
    static Map<EndpointClass, ClassSummary> classes(RunData run) {
        Map<EndpointClass, ClassSummary> out = new java.util.EnumMap<>(EndpointClass.class);
        double secs = run.header().measuredSeconds();
        run.measuredByClass()
                .forEach(
                        (endpoint, c) -> {
                            Map<String, MetricSummary> metrics = new LinkedHashMap<>();
                            for (Metric m : endpoint.metrics()) {
                                String name = SeriesKey.of(endpoint, m).name();
                                SeriesData s = run.series().get(name);
                                metrics.put(
                                        m.wireName(),
                                        s != null
                                                ? s.summary()
                                                : MetricSummary.empty(name, m.unit()));
                            }
                            long attempted = c.attempted();
                            long success = c.outcome(Outcome.OK) + c.outcome(Outcome.USAGE_MISSING);
                            long offered = c.scheduled() > 0 ? c.scheduled() : attempted;
                            Slo slo = run.info().map(i -> i.classSlos().get(endpoint)).orElse(null);
                            out.put(
                                    endpoint,
                                    new ClassSummary(
                                            endpoint,
                                            metrics,
                                            c.outcomes(),
                                            new RunSummary.Requests(
                                                    c.scheduled(),
                                                    c.sent(),
                                                    c.completed(),
                                                    attempted,
                                                    c.good(),
                                                    c.unfinished(),
                                                    c.tokenMismatch()),
                                            new RunSummary.Throughput(
                                                    rate(offered, secs),
                                                    rate(c.sent(), secs),
                                                    rate(c.completed(), secs),
                                                    rate(c.outputTokens(), secs),
                                                    rate(c.inputTokens(), secs)),
                                            new RunSummary.Goodput(
                                                    rate(c.good(), secs),
                                                    ratio(c.good(), attempted)),
                                            ratio(attempted - success, attempted),
                                            c.microCredits(),
                                            describe(endpoint, slo)));
                        });
        return out;
    }

    /**
     * {@code "ttft_sched <= 1000 ms, e2e_sched <= 30000 ms"}; speech's first-output bound is named
     * ttfa.
     */
    static String describe(EndpointClass endpoint, Slo slo) {
        if (slo == null) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (slo.ttftSchedMaxNanos() != Slo.UNBOUNDED) {
            parts.add(
                    (endpoint == EndpointClass.SPEECH ? "ttfa_sched" : "ttft_sched")
                            + " <= "
                            + Fmt.millis(slo.ttftSchedMaxNanos()));
        }
        if (slo.tpotMaxNanos() != Slo.UNBOUNDED) {
            parts.add("tpot <= " + Fmt.millis(slo.tpotMaxNanos()));
        }
        if (slo.e2eSchedMaxNanos() != Slo.UNBOUNDED) {
            parts.add(
                    (endpoint == EndpointClass.VIDEO ? "t_completed - t_sched" : "e2e_sched")
                            + " <= "
                            + Fmt.millis(slo.e2eSchedMaxNanos()));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** Millisecond text without a format dependency on the format package. */
    private static final class Fmt {
        static String millis(long nanos) {
            double ms = nanos / 1e6;
            return (ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms)) + " ms";
        }
    }

    private static List<RunSummary.ValidityFlag> flags(
            RunData run, Map<String, MetricSummary> metrics, PhaseCounts c) {
        List<RunSummary.ValidityFlag> flags = new ArrayList<>();
        MetricSummary lag = metrics.get(Metric.DISPATCH_LAG.wireName());
        double budget = dispatchBudgetMillis(run);
        if (lag != null && lag.count() > 0 && lag.p99() > budget) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "load_generator_saturated",
                            String.format(
                                    java.util.Locale.ROOT,
                                    "load generator saturated: dispatch_lag p99 %.1f ms exceeds the %.1f ms budget; latencies are"
                                            + " not trustworthy",
                                    lag.p99(),
                                    budget)));
        }
        if (run.series().keySet().stream().anyMatch(n -> n.endsWith(CoordinatedOmission.SUFFIX))) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "co_corrected",
                            "*"
                                    + CoordinatedOmission.SUFFIX
                                    + " metrics are"
                                    + " corrected for coordinated omission (copyCorrectedForCoordinatedOmission); the plain ones are not"));
        }
        if (run.header().loadModel() instanceof LoadModel.Closed) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "closed_model",
                            "closed model: latencies include coordinated"
                                    + " omission (no *_sched correction)"));
        }
        if ("gatling".equals(run.header().driver())) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "millisecond_timestamps",
                            "Gatling SSE timestamps are in"
                                    + " milliseconds: itl, tpot and ttft have 1 ms resolution"));
        }
        if (run.info().isPresent() && c.attempted() == 0) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "no_measured_requests",
                            "no request was scheduled in the" + " measurement window"));
        }
        if (c.unfinished() > 0) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "unfinished_requests",
                            "scheduled requests still in flight when"
                                    + " the recorder closed: "
                                    + c.unfinished()
                                    + " (counted as timeout_idle)"));
        }
        if (c.outcome(Outcome.USAGE_MISSING) > 0) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "usage_missing",
                            "responses without usage (tokens counted by"
                                    + " the client): "
                                    + c.outcome(Outcome.USAGE_MISSING)));
        }
        if (c.tokenMismatch() > 0) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "token_mismatch",
                            "responses whose client token count differs"
                                    + " from the server's usage: "
                                    + c.tokenMismatch()));
        }
        flags.addAll(run.folderFlags());
        return flags;
    }

    /**
     * The dispatch-lag p99 budget of a run: run.json parameter {@value #DISPATCH_BUDGET_PARAMETER}
     * (checked when run.json is read: a value that is not a positive number is an error there),
     * else the default for runs that predate the parameter and for JMH results.
     */
    public static double dispatchBudgetMillis(RunData run) {
        return run.info()
                .map(i -> i.parameters().get(DISPATCH_BUDGET_PARAMETER))
                .map(Double::parseDouble)
                .orElse(DEFAULT_DISPATCH_BUDGET_MILLIS);
    }

    static double rate(long count, double seconds) {
        return seconds > 0 ? count / seconds : Double.NaN;
    }

    static double ratio(long part, long whole) {
        return whole > 0 ? (double) part / whole : Double.NaN;
    }
}
