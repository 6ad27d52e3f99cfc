package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparer;
import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.compare.Delta;
import io.tokenbench.reports.html.Chart;
import io.tokenbench.reports.html.Headline;
import io.tokenbench.reports.html.Page;
import io.tokenbench.reports.html.Severity;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SeriesData;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.OutcomesLine;
import io.tokenbench.reports.record.PhaseCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code compare} as a page: warnings when the runs are not alike, headline deltas, both runs'
 * percentile curves and time series overlaid (baseline dashed), and every delta with its
 * statistical verdict. Gateway overhead is the same page with the paired differences added.
 */
public final class CompareHtml {

    private CompareHtml() {}

    /** The compare page of two loaded runs (load them with blocks for the verdicts). */
    public static String render(RunData baseline, RunData current) {
        return page(baseline, current, "compare", "baseline", "current").render();
    }

    /**
     * The page, for callers that add sections.
     *
     * @param baseLabel what the baseline is called in legends ({@code upstream})
     * @param currentLabel what the current run is called ({@code gateway})
     */
    static Page page(
            RunData baseline, RunData current, String kind, String baseLabel, String currentLabel) {
        RunSummary b = SummaryBuilder.build(baseline);
        RunSummary c = SummaryBuilder.build(current);
        Comparison cmp = Comparer.compare(b, c);
        Page page = new Page(kind, b.header().scenario() + " vs " + c.header().scenario());
        page.fact(
                        baseLabel
                                + ": "
                                + b.header().startedAt()
                                + ", "
                                + b.header().loadModel().describe())
                .fact(
                        currentLabel
                                + ": "
                                + c.header().startedAt()
                                + ", "
                                + c.header().loadModel().describe());
        StringBuilder lead = new StringBuilder();
        if (cmp.warnings().isEmpty()) {
            lead.append(
                    Headline.verdict(
                            "ALIKE",
                            "same load shape, measured duration (within 10%) and target",
                            Severity.PASS,
                            null,
                            List.of()));
        } else {
            List<Headline.Flag> flags = new ArrayList<>();
            cmp.warnings()
                    .forEach(w -> flags.add(new Headline.Flag("not alike", w, Severity.WARN)));
            lead.append(
                    Headline.verdict(
                            "NOT ALIKE",
                            "the deltas below include the difference in setup",
                            Severity.WARN,
                            null,
                            flags));
        }
        lead.append(Headline.tiles(tiles(cmp, baseLabel, currentLabel)));
        page.lead(lead.toString());

        List<String> dist =
                DistributionCharts.curves(
                        "",
                        new DistributionCharts.Side(currentLabel, current.series()),
                        Optional.of(new DistributionCharts.Side(baseLabel, baseline.series())));
        if (!dist.isEmpty()) {
            page.section(
                    "distributions",
                    "Percentile curves",
                    grid(dist)
                            + "<p class=\"note\">Solid: "
                            + currentLabel
                            + "; dashed: "
                            + baseLabel
                            + ".</p>");
        }
        List<String> time = timeSeries(baseline, current, baseLabel, currentLabel);
        if (!time.isEmpty()) {
            page.section(
                    "timeseries",
                    "Over time",
                    grid(time)
                            + "<p class=\"note\">Each run on its own clock: seconds since its"
                            + " start.</p>");
        }
        Map<String, DeltaVerdicts.Verdict> verdicts = DeltaVerdicts.of(cmp, baseline, current);
        page.section("deltas", "Deltas", CompareTables.html(cmp, verdicts));
        return page;
    }

    private static String grid(List<String> charts) {
        return "<div class=\"grid2\">" + String.join("\n", charts) + "</div>\n";
    }

    private static List<Headline.Tile> tiles(Comparison c, String baseLabel, String curLabel) {
        List<Headline.Tile> out = new ArrayList<>();
        List<Delta> all = new ArrayList<>(c.metrics());
        all.addAll(c.run());
        for (String name :
                List.of(
                        "ttft.p50",
                        "ttft.p99",
                        "itl.p99",
                        "e2e.p99",
                        "throughput.completed_rps",
                        "throughput.output_tokens_per_s",
                        "error_rate")) {
            all.stream()
                    .filter(d -> d.quantity().name().equals(name))
                    .filter(d -> !Double.isNaN(d.current()) || !Double.isNaN(d.baseline()))
                    .findFirst()
                    .ifPresent(
                            d ->
                                    out.add(
                                            new Headline.Tile(
                                                    Labels.quantity(d.quantity()),
                                                    Fmt.value(d.quantity(), d.current()),
                                                    baseLabel
                                                            + " "
                                                            + Fmt.value(d.quantity(), d.baseline())
                                                            + ", "
                                                            + (d.quantity().isFraction()
                                                                    ? Fmt.delta(
                                                                            d.quantity(),
                                                                            d.absolute())
                                                                    : Fmt.signedPercent(
                                                                            d.relative())),
                                                    Severity.INFO)));
        }
        return out;
    }

    private static List<String> timeSeries(
            RunData baseline, RunData current, String baseLabel, String curLabel) {
        List<String> out = new ArrayList<>();
        if (baseline.lines().size() >= 2 && current.lines().size() >= 2) {
            Chart rate =
                    Chart.time("Completed requests per second", "requests per second", "req/s");
            Chart errors = Chart.time("Failed requests per second", "failed requests/s", "req/s");
            overlay(rate, errors, current, curLabel, false);
            overlay(rate, errors, baseline, baseLabel, true);
            out.add(rate.toHtml());
            out.add(errors.toHtml());
        }
        for (String m : List.of("ttft", "itl", "e2e")) {
            Optional<SeriesData> c = RunCharts.series(current.series(), m);
            Optional<SeriesData> b = RunCharts.series(baseline.series(), m);
            if (c.isPresent()
                    && b.isPresent()
                    && c.get().intervals().size() >= 2
                    && b.get().intervals().size() >= 2) {
                String unit = c.get().unit().reported();
                Chart chart =
                        Chart.time(
                                Labels.metric(m) + " p50 and p99 per interval",
                                RunCharts.axis(m, unit),
                                unit);
                line(chart, c.get(), current, curLabel, false);
                line(chart, b.get(), baseline, baseLabel, true);
                out.add(chart.toHtml());
            }
        }
        return out;
    }

    private static void overlay(
            Chart rate, Chart errors, RunData run, String label, boolean dashed) {
        long origin = RunCharts.origin(run);
        List<OutcomesLine> lines = run.lines();
        double[] xs = new double[lines.size()];
        double[] done = new double[lines.size()];
        double[] failed = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            OutcomesLine l = lines.get(i);
            PhaseCounts k = RunCharts.counts(l, Optional.empty());
            xs[i] = (l.startEpochMillis() - origin) / 1000.0;
            done[i] = RunCharts.perSecond(k.completed(), l);
            failed[i] =
                    RunCharts.perSecond(
                            k.attempted()
                                    - k.outcome(Outcome.OK)
                                    - k.outcome(Outcome.USAGE_MISSING),
                            l);
        }
        String colour = dashed ? Chart.GREY : Chart.PALETTE.get(0);
        if (dashed) {
            rate.dashed(label, colour, xs, done);
            errors.dashed(label, colour, xs, failed);
        } else {
            rate.line(label, colour, xs, done);
            errors.line(label, Chart.FAIL_RED, xs, failed);
        }
    }

    private static void line(Chart chart, SeriesData s, RunData run, String label, boolean dashed) {
        long origin = RunCharts.origin(run);
        double[] xs =
                s.intervals().stream()
                        .mapToDouble(p -> (p.startEpochMillis() - origin) / 1000.0)
                        .toArray();
        double[] p50 = s.intervals().stream().mapToDouble(p -> p.p50()).toArray();
        double[] p99 = s.intervals().stream().mapToDouble(p -> p.p99()).toArray();
        if (dashed) {
            chart.dashed(label + " p50", Chart.PALETTE.get(0), xs, p50);
            chart.dashed(label + " p99", Chart.PALETTE.get(1), xs, p99);
        } else {
            chart.line(label + " p50", Chart.PALETTE.get(0), xs, p50);
            chart.line(label + " p99", Chart.PALETTE.get(1), xs, p99);
        }
    }
}
