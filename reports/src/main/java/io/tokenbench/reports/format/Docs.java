package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.compare.Delta;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.gate.RuleResult;
import io.tokenbench.reports.gate.Verdict;
import io.tokenbench.reports.model.ClassSummary;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.Quantity;
import io.tokenbench.reports.model.RunHeader;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.Stat;
import io.tokenbench.reports.record.ErrorSample;
import io.tokenbench.reports.record.Metric;
import io.tokenbench.reports.record.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link Doc} of a run summary, a comparison and a gate result. */
final class Docs {

    private Docs() {}

    static Doc summary(RunSummary s) {
        return summary(s, List.of());
    }

    /** The whole run summary: header, verdict, body and top errors. */
    static Doc summary(RunSummary s, List<ErrorSample> samples) {
        Doc d = summaryHeader(s);
        d.parts.addAll(summaryBody(s, samples).parts);
        return d;
    }

    /** Title, verdict, run table and validity flags. */
    static Doc summaryHeader(RunSummary s) {
        Doc d = new Doc();
        RunHeader h = s.header();
        d.heading(1, "tokenbench: " + h.scenario());
        d.parts.addAll(VerdictDoc.of(s).parts);
        d.table(List.of("run", ""), headerRows(s), 2);
        if (s.validity().isEmpty()) {
            d.para("Validity: no flags.");
        } else {
            d.para("Validity flags:");
            d.bullets(
                    s.validity().stream()
                            .map(f -> "**" + f.code() + "**: " + f.message())
                            .toList());
        }
        return d;
    }

    /** Distributions, throughput, outcomes, top errors, request counts and legend. */
    static Doc summaryBody(RunSummary s, List<ErrorSample> samples) {
        return summaryBody(s, samples, true, false);
    }

    /**
     * The same, without the top errors when the page shows them elsewhere, and with human figure
     * names ("offered rate" for {@code throughput.offered_rps}) when {@code humanLabels}.
     */
    static Doc summaryBody(
            RunSummary s, List<ErrorSample> samples, boolean topErrors, boolean humanLabels) {
        Doc d = new Doc();
        List<List<String>> latency = new ArrayList<>();
        for (MetricSummary m : s.metrics().values()) {
            if (m.count() == 0) {
                continue;
            }
            List<String> row = new ArrayList<>();
            row.add(m.name() + " (" + m.unit().reported() + ")");
            row.add(Long.toString(m.count()));
            for (Stat st :
                    List.of(
                            Stat.MEAN,
                            Stat.P50,
                            Stat.P90,
                            Stat.P95,
                            Stat.P99,
                            Stat.P99_9,
                            Stat.MAX)) {
                row.add(Fmt.num(m.stat(st)));
            }
            latency.add(row);
        }
        d.heading(2, "Distributions");
        if (latency.isEmpty()) {
            d.para("No samples were recorded in the measured window.");
        } else {
            d.table(
                    List.of("metric", "count", "mean", "p50", "p90", "p95", "p99", "p99.9", "max"),
                    latency);
        }
        if (!s.classes().isEmpty()) {
            endpointClasses(d, s);
        }
        d.heading(2, "Throughput and goodput");
        List<List<String>> figures = new ArrayList<>();
        for (Quantity.RunFigure f : Quantity.RUN_FIGURES) {
            figures.add(
                    List.of(
                            humanLabels ? Labels.quantity(f) : f.name(),
                            Fmt.value(f, f.valueIn(s))));
        }
        d.table(List.of("figure", "value"), figures);
        d.heading(2, "Outcomes");
        List<List<String>> outcomes = new ArrayList<>();
        long attempted = s.requests().attempted();
        for (Outcome o : Outcome.values()) {
            long n = s.outcomes().get(o);
            outcomes.add(
                    List.of(
                            o.wireName(),
                            Long.toString(n),
                            Fmt.percent(attempted == 0 ? Double.NaN : (double) n / attempted)));
        }
        d.table(List.of("outcome", "requests", "share"), outcomes);
        if (topErrors) {
            TopErrors.of(s, samples).appendTo(d);
        }
        RunSummary.Requests r = s.requests();
        d.para(
                "Requests: "
                        + r.scheduled()
                        + " scheduled, "
                        + r.sent()
                        + " sent, "
                        + r.completed()
                        + " completed, "
                        + r.attempted()
                        + " attempted, "
                        + r.good()
                        + " good, "
                        + r.unfinished()
                        + " unfinished, "
                        + r.tokenMismatch()
                        + " token mismatches. Retry-After: "
                        + (s.retryAfter().count() == 0
                                ? "none."
                                : s.retryAfter().count()
                                        + " observations, mean "
                                        + Fmt.num(s.retryAfter().meanMillis())
                                        + " ms, max "
                                        + s.retryAfter().maxMillis()
                                        + " ms."));
        d.heading(2, "Legend");
        List<String> legend = new ArrayList<>();
        for (MetricSummary m : s.metrics().values()) {
            Metric.fromWireName(m.name())
                    .filter(x -> m.count() > 0)
                    .ifPresent(x -> legend.add(x.wireName() + ": " + x.formula()));
        }
        legend.add(
                "percentiles are HdrHistogram's (3 significant digits) over the measured window; windows are on t_sched");
        d.bullets(legend);
        return d;
    }

    /**
     * The per-endpoint-class section: one row per class (goodput against the class's own SLO) and a
     * blended row of all requests, then each class's metrics.
     */
    static void endpointClasses(Doc d, RunSummary s) {
        d.heading(2, "By endpoint class");
        List<List<String>> rows = new ArrayList<>();
        for (ClassSummary c : s.classes().values()) {
            rows.add(
                    classRow(
                            c.endpoint().wireName(),
                            c.slo(),
                            c.requests(),
                            c.throughput(),
                            c.goodput(),
                            c.errorRate(),
                            c.outcomes()));
        }
        rows.add(
                classRow(
                        "blended (all)",
                        "each request by its class's SLO",
                        s.requests(),
                        s.throughput(),
                        s.goodput(),
                        s.errorRate(),
                        s.outcomes()));
        d.table(
                List.of(
                        "class",
                        "SLO",
                        "attempted",
                        "completed/s",
                        "error rate",
                        "good",
                        "goodput/s",
                        "SLO attainment",
                        "failures"),
                rows,
                2);
        List<Stat> stats = List.of(Stat.MEAN, Stat.P50, Stat.P90, Stat.P99, Stat.MAX);
        for (ClassSummary c : s.classes().values()) {
            List<List<String>> metrics = new ArrayList<>();
            for (MetricSummary m : c.metrics().values()) {
                if (m.count() == 0) {
                    continue;
                }
                List<String> row = new ArrayList<>();
                row.add(m.name() + " (" + m.unit().reported() + ")");
                row.add(Long.toString(m.count()));
                for (Stat st : stats) {
                    row.add(Fmt.num(m.stat(st)));
                }
                metrics.add(row);
            }
            d.heading(3, c.endpoint().wireName());
            if (metrics.isEmpty()) {
                d.para(
                        "No successful "
                                + c.endpoint().wireName()
                                + " request in the measured window.");
            } else {
                d.table(List.of("metric", "count", "mean", "p50", "p90", "p99", "max"), metrics);
            }
        }
    }

    private static List<String> classRow(
            String name,
            String slo,
            RunSummary.Requests r,
            RunSummary.Throughput t,
            RunSummary.Goodput g,
            double errorRate,
            Map<Outcome, Long> outcomes) {
        return List.of(
                name,
                slo,
                Long.toString(r.attempted()),
                Fmt.num(t.completedRps()),
                Fmt.percent(errorRate),
                Long.toString(r.good()),
                Fmt.num(g.goodRps()),
                Fmt.percent(g.sloAttainment()),
                failures(outcomes));
    }

    /**
     * {@code "http_5xx=1 timeout_idle=2"}, or {@code "-"}: the unsuccessful outcomes that occurred.
     */
    static String failures(Map<Outcome, Long> outcomes) {
        List<String> parts = new ArrayList<>();
        outcomes.forEach(
                (o, n) -> {
                    if (!o.isSuccess() && n > 0) {
                        parts.add(o.wireName() + "=" + n);
                    }
                });
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    static List<List<String>> headerRows(RunSummary s) {
        RunHeader h = s.header();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("target", h.targetHost()));
        rows.add(List.of("driver", h.driver()));
        rows.add(List.of("load model", h.loadModel().describe()));
        rows.add(List.of("started", h.startedAt()));
        rows.add(
                List.of(
                        "window",
                        "warm-up "
                                + Fmt.millisAsSeconds(h.warmupMillis())
                                + ", measured "
                                + Fmt.millisAsSeconds(h.measurementMillis())
                                + ", grace "
                                + Fmt.millisAsSeconds(h.graceMillis())
                                + " (on t_sched)"
                                + (h.measurementMillis() >= 0
                                                && h.measuredSeconds() * 1000
                                                        < h.measurementMillis()
                                        ? "; recorded only "
                                                + Fmt.seconds(h.measuredSeconds())
                                                + " of the measured window (incomplete run)"
                                        : "")));
        rows.add(
                List.of(
                        "offered / achieved",
                        Fmt.num(s.throughput().offeredRps())
                                + " req/s offered, "
                                + Fmt.num(s.throughput().sentRps())
                                + " req/s sent, "
                                + Fmt.num(s.throughput().completedRps())
                                + " req/s completed"));
        Map<String, String> versions = new TreeMap<>(h.versions());
        rows.add(
                List.of(
                        "versions",
                        versions.isEmpty()
                                ? "-"
                                : String.join(
                                        ", ",
                                        versions.entrySet().stream()
                                                .map(e -> e.getKey() + " " + e.getValue())
                                                .toList())));
        return rows;
    }

    static Doc comparison(Comparison c) {
        Doc d = new Doc();
        d.heading(
                1,
                "tokenbench compare: "
                        + c.baseline().header().scenario()
                        + " -> "
                        + c.current().header().scenario());
        d.para(
                "Baseline "
                        + c.baseline().header().startedAt()
                        + " ("
                        + c.baseline().header().loadModel().describe()
                        + "), current "
                        + c.current().header().startedAt()
                        + " ("
                        + c.current().header().loadModel().describe()
                        + ").");
        if (!c.warnings().isEmpty()) {
            d.para("**Warning**: these runs differ in setup, so their deltas measure that too:");
            d.bullets(c.warnings());
        }
        d.heading(2, "Distributions");
        d.table(header("quantity"), rows(c.metrics()));
        d.heading(2, "Throughput, goodput, errors");
        d.table(header("figure"), rows(c.run()));
        d.heading(2, "Error rate by outcome");
        if (c.outcomes().isEmpty()) {
            d.para("No requests on either side.");
        } else {
            d.table(header("outcome"), rows(c.outcomes()));
        }
        return d;
    }

    private static List<String> header(String first) {
        return List.of(first, "baseline", "current", "delta", "delta %");
    }

    private static List<List<String>> rows(List<Delta> deltas) {
        List<List<String>> rows = new ArrayList<>();
        for (Delta x : deltas) {
            Quantity q = x.quantity();
            rows.add(
                    List.of(
                            q.name(),
                            Fmt.value(q, x.baseline()),
                            Fmt.value(q, x.current()),
                            Fmt.delta(q, x.absolute()),
                            q.isTotal() ? "(a total)" : Fmt.signedPercent(x.relative())));
        }
        return rows;
    }

    static Doc gate(GateReport g) {
        Doc d = new Doc();
        d.heading(1, "tokenbench gate: " + verdictLine(g));
        List<List<String>> rows = new ArrayList<>();
        for (RuleResult r : g.results()) {
            Quantity q = r.rule().quantity();
            rows.add(
                    List.of(
                            r.verdict().name(),
                            r.rule().text(),
                            q.name(),
                            r.rule().op().symbol() + " " + Fmt.value(q, r.required()),
                            Fmt.value(q, r.actual()),
                            Fmt.value(q, r.baseline()),
                            Fmt.delta(q, r.delta())
                                    + " ("
                                    + Fmt.signedPercent(r.deltaRelative())
                                    + ")"));
        }
        d.table(
                List.of("verdict", "rule", "metric", "required", "actual", "baseline", "delta"),
                rows,
                3);
        List<String> details = new ArrayList<>();
        for (RuleResult r : g.results()) {
            if (r.verdict() != Verdict.PASS) {
                details.add(
                        r.verdict().name()
                                + " `"
                                + r.rule().text()
                                + "`"
                                + (r.rule().line() > 0 ? " (line " + r.rule().line() + ")" : "")
                                + ": "
                                + r.method()
                                + ". Hint: "
                                + r.hint());
            }
        }
        if (!details.isEmpty()) {
            d.bullets(details);
        }
        return d;
    }

    static String verdictLine(GateReport g) {
        return g.count(Verdict.FAIL)
                + " failed, "
                + g.count(Verdict.PASS)
                + " passed, "
                + g.count(Verdict.INCONCLUSIVE)
                + " inconclusive, "
                + g.count(Verdict.ERROR)
                + " could not be evaluated (exit "
                + g.exitCode()
                + ")";
    }
}
