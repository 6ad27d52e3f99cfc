package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.html.Chart;
import io.tokenbench.reports.html.Page;
import io.tokenbench.reports.html.Severity;
import io.tokenbench.reports.model.ClassSummary;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SeriesData;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The self-contained offline run report ({@code report.html}): headline first (verdict with each
 * check, validity flags by severity, the numbers people quote), then the time series on one time
 * axis with the warm-up shaded, latency distributions (related metrics on one chart, a histogram
 * beside), token lengths and latency against output length, errors, per-class sections in mixed
 * runs, comparison, gate, enforcement and the detail tables. Built from the shared components of
 * {@code io.tokenbench.reports.html}.
 */
final class HtmlRenderer implements Renderer {

    private static final double GOLDEN_RATIO = 0.6180339887498949;

    @Override
    public String report(ReportInput in) {
        RunSummary s = in.summary();
        RunData data = in.data();
        boolean mixed = s.classes().size() > 1;
        Optional<RequestSample> sample = RequestSample.read(data.source());
        Page page = new Page("run report", s.header().scenario());
        RunPageHeader.facts(page, s);
        page.lead(RunHeadline.html(s));

        List<String> time = new ArrayList<>();
        if (data.lines().size() >= 2) {
            time.add(RunCharts.rates(data, Optional.empty()).toHtml());
            sample.ifPresent(x -> time.add(RunCharts.inFlight(data, x).toHtml()));
            if (s.throughput().outputTokensPerSecond() > 0) {
                time.add(RunCharts.outputTokens(data, Optional.empty()).toHtml());
            }
            time.add(RunCharts.errors(data, Optional.empty()).toHtml());
        }
        if (!mixed) {
            time.addAll(bands(data, ""));
        }
        if (!time.isEmpty()) {
            page.section(
                    "timeseries",
                    "Over time",
                    grid(time)
                            + "<p class=\"note\">Hover for values; drag to zoom, double-click to"
                            + " reset. The shaded band is the warm-up (not measured).</p>");
        }

        Optional<DistributionCharts.Side> baseline =
                in.baseline().map(b -> new DistributionCharts.Side("baseline", b.data().series()));
        if (!mixed) {
            List<String> dist =
                    DistributionCharts.charts(
                            "",
                            new DistributionCharts.Side("current", data.series()),
                            baseline,
                            data.info().map(RunInfo::slo));
            if (!dist.isEmpty()) {
                page.section(
                        "distributions",
                        "Latency distributions",
                        grid(dist)
                                + "<p class=\"note\">Percentile curves over the measured window"
                                + " (HdrHistogram, log percentile axis; the last point of a line is"
                                + " the maximum)"
                                + (baseline.isPresent() ? "; dashed: the baseline" : "")
                                + ".</p>");
            }
        }
        sample.ifPresent(x -> lengths(page, x, mixed));
        page.section("errors", "Errors", errors(s, in));
        if (mixed) {
            page.section("classes", "Endpoint classes", classes(s, data, baseline));
        }
        in.baseline()
                .ifPresent(
                        b ->
                                page.section(
                                        "comparison",
                                        "Comparison with the baseline",
                                        CompareTables.html(b.comparison())));
        in.gate().ifPresent(g -> page.section("gate", "Gate", gateSection(g)));
        in.enforcement()
                .ifPresent(
                        e ->
                                page.section(
                                        "enforcement",
                                        "Key-limit enforcement",
                                        EnforcementSection.body(e)));
        page.section("details", "Run details and tables", details(s, in));
        return page.render();
    }

    private static String grid(List<String> charts) {
        return "<div class=\"grid2\">" + String.join("\n", charts) + "</div>\n";
    }

    /** Latency bands of the primary metrics (ttft, itl, e2e; else the first series) of a prefix. */
    static List<String> bands(RunData data, String prefix) {
        List<String> out = new ArrayList<>();
        for (String m : List.of("ttft", "itl", "e2e")) {
            RunCharts.series(data.series(), prefix + m)
                    .filter(x -> x.intervals().size() >= 2)
                    .ifPresent(
                            x ->
                                    out.add(
                                            RunCharts.bands(
                                                            Labels.metric(m) + " per interval",
                                                            x,
                                                            data)
                                                    .toHtml()));
        }
        if (out.isEmpty()) {
            for (SeriesData x : data.series().values()) {
                String rest = x.name().substring(Math.min(prefix.length(), x.name().length()));
                if (x.name().startsWith(prefix)
                        && !rest.contains(".")
                        && !rest.equals("dispatch_lag")
                        && x.intervals().size() >= 2
                        && x.total().getTotalCount() > 0) {
                    out.add(
                            RunCharts.bands(Labels.metric(rest) + " per interval", x, data)
                                    .toHtml());
                    break;
                }
            }
        }
        return out;
    }

    private static void lengths(Page page, RequestSample sample, boolean mixed) {
        List<String> charts = new ArrayList<>();
        for (Map.Entry<EndpointClass, RequestSample.ClassSample> e : sample.byClass.entrySet()) {
            String who = mixed ? e.getKey().wireName() + ": " : "";
            RequestSample.ClassSample c = e.getValue();
            if (c.inputTokens.size > 0) {
                charts.add(
                        RunCharts.lengths(
                                        who + "Input length",
                                        "input tokens (prompt)",
                                        c.inputTokens.toArray(),
                                        Chart.PALETTE.get(3))
                                .toHtml());
            }
            if (c.outputTokens.size > 0) {
                charts.add(
                        RunCharts.lengths(
                                        who + "Output length",
                                        "output tokens",
                                        c.outputTokens.toArray(),
                                        Chart.PALETTE.get(2))
                                .toHtml());
            }
            if (c.scatterSize > 1) {
                double[] xs = new double[c.scatterSize];
                double[] ys = new double[c.scatterSize];
                for (int i = 0; i < c.scatterSize; i++) {
                    // token counts are integers: a fixed jitter below half a token keeps requests
                    // with the same length from hiding each other (one x value per point)
                    xs[i] = c.scatter[i][0] + 0.8 * ((i * GOLDEN_RATIO) % 1.0 - 0.5);
                    ys[i] = c.scatter[i][1];
                }
                charts.add(
                        Chart.linear(
                                        who + "End-to-end latency vs output length",
                                        "output tokens",
                                        "tokens",
                                        "end-to-end latency (ms)",
                                        "ms")
                                .points("requests", Chart.PALETTE.get(0), xs, ys)
                                .caption(
                                        (c.scatterSeen > c.scatterSize
                                                        ? "a random sample of "
                                                                + c.scatterSize
                                                                + " of "
                                                                + c.scatterSeen
                                                                + " requests"
                                                        : c.scatterSize + " requests")
                                                + "; lengths jittered by less than half a token")
                                .toHtml());
            }
        }
        if (!charts.isEmpty()) {
            page.section(
                    "lengths",
                    "Token lengths",
                    grid(charts)
                            + "<p class=\"note\">From requests.jsonl.gz: successful requests of"
                            + " the measured window; output tokens as reported by the server (the"
                            + " client's count when usage was missing).</p>");
        }
    }

    private static String errors(RunSummary s, ReportInput in) {
        TopErrors top = TopErrors.of(s, in.errorSamples());
        if (top.rows().isEmpty()) {
            return "<p>No failed request in the measured window.</p>";
        }
        Doc d = new Doc();
        top.appendTo(d);
        // the Doc's heading would repeat the section title
        d.parts.remove(0);
        return d.toHtml();
    }

    private static String classes(
            RunSummary s, RunData data, Optional<DistributionCharts.Side> baseline) {
        StringBuilder sb =
                new StringBuilder(
                        "<p class=\"note\">Each class on its own charts: their latencies differ by"
                                + " orders of magnitude, so pooled charts would hide them.</p>");
        Map<EndpointClass, Slo> slos = data.info().map(RunInfo::classSlos).orElse(Map.of());
        for (ClassSummary c : s.classes().values()) {
            EndpointClass e = c.endpoint();
            String prefix = e.wireName() + ".";
            List<String> charts = new ArrayList<>();
            if (data.lines().size() >= 2) {
                charts.add(RunCharts.rates(data, Optional.of(e)).toHtml());
                charts.add(RunCharts.errors(data, Optional.of(e)).toHtml());
            }
            charts.addAll(bands(data, prefix));
            List<String> distributions =
                    DistributionCharts.charts(
                            prefix,
                            new DistributionCharts.Side("current", data.series()),
                            baseline,
                            Optional.ofNullable(slos.get(e)));
            sb.append("<h3 id=\"class-")
                    .append(e.wireName())
                    .append("\">")
                    .append(e.wireName())
                    .append("</h3>\n<p>")
                    .append(c.requests().attempted())
                    .append(" requests, error rate ")
                    .append(Fmt.percent(c.errorRate()))
                    .append(", SLO attainment ")
                    .append(Fmt.percent(c.goodput().sloAttainment()))
                    .append(" (SLO: ")
                    .append(io.tokenbench.reports.html.Html.escape(c.slo()))
                    .append(")</p>\n")
                    .append(grid(charts))
                    .append(grid(distributions));
        }
        return sb.toString();
    }

    /** The gate's rules, verdicts coloured; the gate's own document without its title. */
    static String gateSection(GateReport g) {
        Doc d = Docs.gate(g);
        d.parts.remove(0);
        String table = d.toHtml();
        for (io.tokenbench.reports.gate.Verdict v : io.tokenbench.reports.gate.Verdict.values()) {
            Severity sev =
                    switch (v) {
                        case PASS -> Severity.PASS;
                        case FAIL -> Severity.FAIL;
                        case INCONCLUSIVE -> Severity.INFO;
                        case ERROR -> Severity.WARN;
                    };
            table =
                    table.replace(
                            "<tr><td>" + v.name() + "</td>",
                            "<tr><td class=\"" + sev.css() + "\">" + v.name() + "</td>");
        }
        return "<p>"
                + io.tokenbench.reports.html.Html.escape(Docs.verdictLine(g))
                + "</p>\n"
                + table;
    }

    private static String details(RunSummary s, ReportInput in) {
        return new Doc().table(List.of("run", ""), Docs.headerRows(s), 2).toHtml()
                + Docs.summaryBody(s, in.errorSamples(), false, true).toHtml();
    }

    @Override
    public String comparison(Comparison comparison) {
        throw new UnsupportedOperationException(
                "html output of compare needs both runs' data: use CompareHtml");
    }

    @Override
    public String gate(GateReport gate) {
        throw new UnsupportedOperationException(
                "html output is the run report; use --format text, markdown,"
                        + " json or junit for gate");
    }
}
