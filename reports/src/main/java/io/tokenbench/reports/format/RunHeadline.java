package io.tokenbench.reports.format;

import io.tokenbench.reports.html.Headline;
import io.tokenbench.reports.html.Severity;
import io.tokenbench.reports.html.Table;
import io.tokenbench.reports.model.CheckResult;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.RunVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The top of a run report: the verdict with each check and its measured value, validity flags by
 * severity, then the numbers people quote.
 */
final class RunHeadline {

    /** Flags that inform and need no action (blue); the invalidating ones are red. */
    static final Set<String> INFORMATIVE_FLAGS =
            Set.of("token_mismatch", "closed_model", "millisecond_timestamps", "co_corrected");

    private RunHeadline() {}

    static Severity severity(RunVerdict.State state) {
        return switch (state) {
            case PASS -> Severity.PASS;
            case FAIL, INVALID -> Severity.FAIL;
            case NOT_EVALUATED -> Severity.WARN;
        };
    }

    static Severity severity(RunSummary.ValidityFlag f) {
        if (RunVerdict.INVALIDATING_FLAGS.contains(f.code())) {
            return Severity.FAIL;
        }
        return INFORMATIVE_FLAGS.contains(f.code()) ? Severity.INFO : Severity.WARN;
    }

    static Severity severity(CheckResult.Status status) {
        return switch (status) {
            case PASS -> Severity.PASS;
            case FAIL -> Severity.FAIL;
            case NOT_EVALUATED -> Severity.WARN;
        };
    }

    static String html(RunSummary s) {
        List<Headline.Flag> flags = new ArrayList<>();
        for (RunSummary.ValidityFlag f : s.validity()) {
            flags.add(new Headline.Flag(f.code(), f.message(), severity(f)));
        }
        String verdict;
        if (s.verdict().isEmpty()) {
            verdict =
                    Headline.verdict(
                            "NOT EVALUATED", "no checks were run", Severity.WARN, null, flags);
        } else {
            RunVerdict v = s.verdict().get();
            Table checks = new Table(List.of("result", "check", "measured", "required"), 2);
            for (CheckResult c : v.checks()) {
                checks.row(
                        List.of(
                                Table.Cell.text(VerdictDoc.label(c.status()))
                                        .with(severity(c.status())),
                                Table.Cell.text(c.name()),
                                Table.Cell.num(VerdictDoc.measured(c)),
                                Table.Cell.num(c.op() + " " + Fmt.value(c.unit(), c.threshold()))));
            }
            String why = v.headline().substring(v.headline().indexOf(':') + 1).trim();
            if (s.flagged("incomplete")) {
                why = "Incomplete run: the numbers cover only the recorded part. " + why;
            }
            verdict = Headline.verdict(v.state().label(), why, severity(v.state()), checks, flags);
        }
        return verdict + Headline.tiles(tiles(s));
    }

    static List<Headline.Tile> tiles(RunSummary s) {
        List<Headline.Tile> t = new ArrayList<>();
        RunSummary.Requests r = s.requests();
        t.add(
                new Headline.Tile(
                        "requests",
                        Long.toString(r.attempted()),
                        r.completed()
                                + " completed"
                                + (r.unfinished() > 0 ? ", " + r.unfinished() + " unfinished" : ""),
                        Severity.INFO));
        t.add(
                new Headline.Tile(
                        "error rate", Fmt.percent(s.errorRate()), failures(s), errorSeverity(s)));
        t.add(
                new Headline.Tile(
                        "achieved rate",
                        Fmt.num(s.throughput().completedRps()) + " req/s",
                        "offered " + Fmt.num(s.throughput().offeredRps()) + " req/s",
                        Severity.INFO));
        t.add(
                new Headline.Tile(
                        "goodput",
                        Fmt.num(s.goodput().goodRps()) + " req/s",
                        "requests that met every SLO",
                        Severity.INFO));
        t.add(
                new Headline.Tile(
                        "SLO attainment",
                        Fmt.percent(s.goodput().sloAttainment()),
                        r.good() + " of " + r.attempted() + " requests good",
                        Severity.INFO));
        boolean streaming = false;
        for (String m : List.of("ttft", "itl")) {
            MetricSummary ms = s.metrics().get(m);
            if (ms != null && ms.count() > 0) {
                streaming = true;
                t.add(percentiles(m, ms));
            }
        }
        if (!streaming) {
            MetricSummary e2e = s.metrics().get("e2e");
            if (e2e != null && e2e.count() > 0) {
                t.add(percentiles("e2e", e2e));
            }
        }
        if (s.throughput().outputTokensPerSecond() > 0) {
            t.add(
                    new Headline.Tile(
                            "output tokens/s",
                            Fmt.num(s.throughput().outputTokensPerSecond()),
                            "input " + Fmt.num(s.throughput().inputTokensPerSecond()) + " tokens/s",
                            Severity.INFO));
        }
        // a target without prices spends nothing: no "0 Credits" tile
        if (s.microCredits() > 0) {
            t.add(
                    new Headline.Tile(
                            "Credits",
                            Fmt.num(s.credits()),
                            r.completed() == 0
                                    ? ""
                                    : Fmt.num(s.credits() / r.completed()) + " per request",
                            Severity.INFO));
        }
        return t;
    }

    private static Headline.Tile percentiles(String metric, MetricSummary m) {
        return new Headline.Tile(
                metric + " p50 / p99 (" + m.unit().reported() + ")",
                Fmt.num(m.p50()) + " / " + Fmt.num(m.p99()),
                Labels.metric(metric),
                Severity.INFO);
    }

    /** Red when an error-rate check failed, amber for any failure, green for none. */
    static Severity errorSeverity(RunSummary s) {
        boolean failedCheck =
                s.verdict().stream()
                        .flatMap(v -> v.checks().stream())
                        .anyMatch(
                                c ->
                                        c.metric().endsWith("error_rate")
                                                && c.status() == CheckResult.Status.FAIL);
        if (failedCheck) {
            return Severity.FAIL;
        }
        return s.errorRate() > 0 ? Severity.WARN : Severity.PASS;
    }

    private static String failures(RunSummary s) {
        String f = Docs.failures(s.outcomes());
        return f.equals("-") ? "no failed requests" : f.replace(' ', ',').replace(",", ", ");
    }
}
