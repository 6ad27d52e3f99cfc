package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.model.IntervalPoint;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.RunVerdict;
import io.tokenbench.reports.model.SeriesData;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.OutcomesLine;
import io.tokenbench.reports.record.Phase;
import io.tokenbench.reports.record.PhaseCounts;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The self-contained offline HTML report: header with validity flags, headline tables, percentile
 * distribution charts (log 1/(1-p) axis, baseline dashed), per-interval time series (p50/p99,
 * throughput, errors), the comparison with a baseline and the gate result. Inline CSS and SVG, one
 * small inline script that only checks the page rendered (it writes the result into {@code
 * #tb-check} for the headless-browser test).
 */
final class HtmlRenderer implements Renderer {

    static final String CURRENT = "#1f77b4";
    static final String BASELINE = "#7f7f7f";
    static final String P99 = "#ff7f0e";
    static final String ERROR = "#d62728";

    /**
     * Time series longer than this are downsampled (p50 averaged, p99 and max kept as the bucket
     * maximum).
     */
    static final int MAX_POINTS = 1200;

    private static final String STYLE =
            "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;"
                    + "margin:24px;color:#222;max-width:1340px}h1{font-size:22px}h2{font-size:18px;margin-top:28px;"
                    + "border-bottom:1px solid #ddd}h3{font-size:15px}table{border-collapse:collapse;margin:8px 0}"
                    + "td,th{border:1px solid #ddd;padding:3px 8px;font-size:13px}th{background:#f4f4f4}td.n{text-align:right;"
                    + "font-variant-numeric:tabular-nums}.flag{background:#fde8e8;border:1px solid #d62728;padding:6px 10px;"
                    + "margin:4px 0;border-radius:4px}.ok{background:#e8f6e8;border:1px solid #2ca02c;padding:6px 10px;"
                    + "border-radius:4px}.charts{display:flex;flex-wrap:wrap;gap:12px}svg.chart{border:1px solid #eee;"
                    + "background:#fff}svg .grid{stroke:#eee}svg text{font-size:11px;fill:#444}svg .title{font-size:13px;"
                    + "font-weight:600}svg .ylab{text-anchor:end}svg .xlab,svg .xtitle{text-anchor:middle}"
                    + "svg .unit{text-anchor:middle}code{background:#f4f4f4;padding:0 3px}";

    private static final String CHECK_SCRIPT =
            "(function(){var errors=[];"
                    + "window.addEventListener('error',function(e){errors.push(String(e.message));});"
                    + "function check(){var el=document.getElementById('tb-check');"
                    + "var expected=parseInt(document.body.getAttribute('data-expected-charts'),10);"
                    + "var charts=document.querySelectorAll('svg.chart');var drawn=0;"
                    + "charts.forEach(function(svg){var lines=svg.querySelectorAll('polyline.series');var ok=lines.length>0;"
                    + "lines.forEach(function(l){var b=l.getBBox();if(!(b.width>0||b.height>0)){ok=false;}});if(ok){drawn++;}});"
                    + "el.setAttribute('data-expected',String(expected));el.setAttribute('data-drawn',String(drawn));"
                    + "el.setAttribute('data-errors',errors.join(' | '));"
                    + "el.setAttribute('data-status',errors.length===0&&drawn===expected&&charts.length===expected?'ok':'fail');"
                    + "el.textContent='render check: '+drawn+'/'+expected+' charts drawn, '+errors.length+' script errors';}"
                    + "if(document.readyState==='loading'){document.addEventListener('DOMContentLoaded',check);}else{check();}"
                    + "})();";

    private static boolean isClassSeries(SeriesData series) {
        return io.tokenbench.reports.record.SeriesKey.parse(series.name())
                .flatMap(io.tokenbench.reports.record.SeriesKey::endpoint)
                .isPresent();
    }

    @Override
    public String report(ReportInput in) {
        RunSummary s = in.summary();
        List<String> charts = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        body.append("<header><h1>tokenbench: ")
                .append(Xml.escape(s.header().scenario()))
                .append("</h1>");
        s.verdict()
                .ifPresent(
                        v ->
                                body.append("<section id=\"verdict\" class=\"")
                                        .append(v.state() == RunVerdict.State.PASS ? "ok" : "flag")
                                        .append("\" data-verdict=\"")
                                        .append(v.state().wireName())
                                        .append("\">")
                                        .append(VerdictDoc.of(s).toHtml())
                                        .append("</section>"));
        Doc header = new Doc().table(List.of("run", ""), Docs.headerRows(s), 2);
        body.append(header.toHtml());
        if (s.validity().isEmpty()) {
            body.append("<div class=\"ok\">No validity flags.</div>");
        }
        for (RunSummary.ValidityFlag f : s.validity()) {
            body.append("<div class=\"flag\" data-flag=\"")
                    .append(Xml.escape(f.code()))
                    .append("\"><b>")
                    .append(Xml.escape(f.code()))
                    .append("</b>: ")
                    .append(Xml.escape(f.message()))
                    .append("</div>");
        }
        body.append("</header>\n<section id=\"headline\">");
        body.append(Docs.summaryBody(s, in.errorSamples()).toHtml()).append("</section>\n");

        body.append(
                "<section id=\"distributions\"><h2>Percentile distributions</h2><div class=\"charts\">");
        for (SeriesData series : in.data().series().values()) {
            if (series.total().getTotalCount() == 0) {
                continue;
            }
            List<SvgCharts.Line> lines = new ArrayList<>();
            lines.add(percentileLine("current", CURRENT, false, series));
            in.baseline()
                    .map(b -> b.data().series().get(series.name()))
                    .filter(b -> b.total().getTotalCount() > 0)
                    .ifPresent(b -> lines.add(percentileLine("baseline", BASELINE, true, b)));
            charts.add(
                    SvgCharts.percentileChart(
                            series.name() + " by percentile", series.unit().reported(), lines));
        }
        appendCharts(body, charts, 0);
        body.append("</div></section>\n");

        int before = charts.size();
        body.append("<section id=\"timeseries\"><h2>Per interval</h2><div class=\"charts\">");
        long origin = origin(in.data());
        for (SeriesData series : in.data().series().values()) {
            if (series.intervals().size() < 2 || isClassSeries(series)) {
                // one point is no time series (and draws nothing); per-class series: distribution
                // charts only
                continue;
            }
            charts.add(
                    SvgCharts.timeChart(
                            series.name()
                                    + " per interval"
                                    + (series.intervals().size() > MAX_POINTS
                                            ? " (downsampled)"
                                            : ""),
                            series.unit().reported(),
                            intervalLines(series.intervals(), origin)));
        }
        if (!in.data().lines().isEmpty()) {
            charts.add(
                    SvgCharts.timeChart(
                            "requests completed per second",
                            "req/s",
                            throughputLines(in.data(), origin)));
            charts.add(
                    SvgCharts.timeChart(
                            "failed requests per second by outcome",
                            "req/s",
                            errorLines(in.data(), origin)));
        }
        appendCharts(body, charts, before);
        body.append("</div></section>\n");

        in.baseline()
                .ifPresent(
                        b ->
                                body.append("<section id=\"comparison\">")
                                        .append(Docs.comparison(b.comparison()).toHtml())
                                        .append("</section>\n"));
        in.gate()
                .ifPresent(
                        g ->
                                body.append("<section id=\"gate\">")
                                        .append(Docs.gate(g).toHtml())
                                        .append("</section>\n"));
        in.enforcement().ifPresent(e -> body.append(EnforcementSection.section(e)));

        return page(s.header().scenario(), body.toString(), charts.size());
    }

    /**
     * The page around a report body: inline style and the render-check script; {@code title} is
     * escaped.
     */
    static String page(String title, String body, int expectedCharts) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>tokenbench: "
                + Xml.escape(title)
                + "</title><style>"
                + STYLE
                + "</style></head>\n<body data-expected-charts=\""
                + expectedCharts
                + "\">\n"
                + body
                + "<div id=\"tb-check\" data-status=\"pending\"></div>\n<script>"
                + CHECK_SCRIPT
                + "</script>\n</body></html>\n";
    }

    private static void appendCharts(StringBuilder body, List<String> charts, int from) {
        for (int i = from; i < charts.size(); i++) {
            body.append(charts.get(i)).append('\n');
        }
    }

    private static SvgCharts.Line percentileLine(
            String name, String color, boolean dashed, SeriesData series) {
        Histogram h = series.total();
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo() / 100.0;
            if (p >= 1.0) {
                break;
            }
            points.add(
                    new double[] {1 / (1 - p), series.unit().toReported(v.getValueIteratedTo())});
        }
        double tail = Math.max(100, points.isEmpty() ? 100 : points.get(points.size() - 1)[0] * 10);
        points.add(new double[] {tail, series.unit().toReported(h.getMaxValue())});
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        return new SvgCharts.Line(name, color, dashed, xs, ys);
    }

    private static long origin(RunData data) {
        return data.info()
                .map(i -> i.startEpochMillis())
                .orElseGet(
                        () -> data.lines().isEmpty() ? 0L : data.lines().get(0).startEpochMillis());
    }

    private static List<SvgCharts.Line> intervalLines(List<IntervalPoint> points, long origin) {
        int bucket = Math.max(1, (points.size() + MAX_POINTS - 1) / MAX_POINTS);
        int n = (points.size() + bucket - 1) / bucket;
        double[] xs = new double[n];
        double[] p50 = new double[n];
        double[] p99 = new double[n];
        for (int b = 0; b < n; b++) {
            int from = b * bucket;
            int to = Math.min(points.size(), from + bucket);
            double sum = 0;
            double max = Double.NaN;
            for (int i = from; i < to; i++) {
                sum += points.get(i).p50();
                max = Double.isNaN(max) ? points.get(i).p99() : Math.max(max, points.get(i).p99());
            }
            xs[b] = (points.get(from).startEpochMillis() - origin) / 1000.0;
            p50[b] = sum / (to - from);
            p99[b] = max;
        }
        return List.of(
                new SvgCharts.Line("p50", CURRENT, false, xs, p50),
                new SvgCharts.Line("p99", P99, false, xs, p99));
    }

    private static List<SvgCharts.Line> throughputLines(RunData data, long origin) {
        List<OutcomesLine> lines = data.lines();
        double[] xs = new double[lines.size()];
        double[] completed = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            OutcomesLine l = lines.get(i);
            xs[i] = (l.startEpochMillis() - origin) / 1000.0;
            completed[i] = perSecond(all(l).completed(), l);
        }
        return List.of(new SvgCharts.Line("completed", CURRENT, false, xs, completed));
    }

    private static List<SvgCharts.Line> errorLines(RunData data, long origin) {
        List<OutcomesLine> lines = data.lines();
        double[] xs = new double[lines.size()];
        double[] failed = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            OutcomesLine l = lines.get(i);
            PhaseCounts c = all(l);
            xs[i] = (l.startEpochMillis() - origin) / 1000.0;
            failed[i] =
                    perSecond(
                            c.attempted()
                                    - c.outcome(Outcome.OK)
                                    - c.outcome(Outcome.USAGE_MISSING),
                            l);
        }
        List<SvgCharts.Line> result = new ArrayList<>();
        result.add(new SvgCharts.Line("all failures", ERROR, false, xs, failed));
        String[] palette = {"#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#2ca02c"};
        int k = 0;
        for (Outcome o : Outcome.values()) {
            if (o.isSuccess()) {
                continue;
            }
            double[] ys = new double[lines.size()];
            long total = 0;
            for (int i = 0; i < lines.size(); i++) {
                long n = all(lines.get(i)).outcome(o);
                total += n;
                ys[i] = perSecond(n, lines.get(i));
            }
            if (total > 0) {
                result.add(
                        new SvgCharts.Line(
                                o.wireName(), palette[k++ % palette.length], true, xs, ys));
            }
        }
        return result;
    }

    private static PhaseCounts all(OutcomesLine l) {
        PhaseCounts c = PhaseCounts.ZERO;
        for (Phase p : Phase.values()) {
            c = c.plus(l.phase(p));
        }
        return c;
    }

    private static double perSecond(long n, OutcomesLine l) {
        long ms = l.endEpochMillis() - l.startEpochMillis();
        return ms <= 0 ? 0 : n * 1000.0 / ms;
    }

    @Override
    public String comparison(Comparison comparison) {
        throw new UnsupportedOperationException(
                "html output is the run report (report --baseline DIR);"
                        + " use --format text, markdown or json for compare");
    }

    @Override
    public String gate(GateReport gate) {
        throw new UnsupportedOperationException(
                "html output is the run report; use --format text, markdown,"
                        + " json or junit for gate");
    }
}
