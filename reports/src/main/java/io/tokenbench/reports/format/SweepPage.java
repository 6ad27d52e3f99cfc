package io.tokenbench.reports.format;

import io.tokenbench.reports.html.Chart;
import io.tokenbench.reports.html.Headline;
import io.tokenbench.reports.html.Page;
import io.tokenbench.reports.html.Severity;
import io.tokenbench.reports.html.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code sweep.html}: a capacity sweep on the same page design as a run report. Latency (p50, p99)
 * against offered rate with the SLO line and the knee, error rate, achieved rate and goodput, SLO
 * attainment with its target, and a table linking each level's {@code report.html}.
 */
public final class SweepPage {

    /**
     * One level of the sweep.
     *
     * @param reportHref the level's run folder relative to {@code sweep.html} (its report.html is
     *     linked), or empty
     */
    public record Level(
            double offeredRps,
            double completedRps,
            double latencyP50Millis,
            double latencyP99Millis,
            double goodRps,
            double sloAttainment,
            double errorRate,
            boolean generatorSaturated,
            boolean passed,
            String reportHref) {
        public Level {
            Objects.requireNonNull(reportHref, "reportHref");
        }
    }

    /**
     * What the sweep found.
     *
     * @param latencyMetric the metric the SLO bounds ({@code ttft_sched}, {@code e2e_sched})
     * @param sloMillis its bound, when known
     * @param attainmentTarget the share of good requests a level needs
     */
    public record Sweep(
            String load,
            String latencyMetric,
            OptionalDouble sloMillis,
            double attainmentTarget,
            List<Level> levels,
            Optional<Double> maxSustainableRps,
            Optional<Double> kneeRps,
            Optional<Double> headroomRps,
            String stoppedBecause) {
        public Sweep {
            levels = List.copyOf(levels);
        }
    }

    private SweepPage() {}

    public static String html(Sweep s) {
        Page page = new Page("capacity sweep", "Capacity sweep");
        page.fact(s.load()).fact(s.levels().size() + " levels");
        boolean allPassed = !s.levels().isEmpty() && s.levels().stream().allMatch(Level::passed);
        String answer =
                s.maxSustainableRps()
                        .map(r -> (allPassed ? "\u2265 " : "") + Fmt.num(r) + " req/s")
                        .orElse("none");
        String why =
                allPassed
                        ? "every level passed: the capacity is at least the highest level run"
                        : s.stoppedBecause();
        List<Headline.Tile> tiles = new ArrayList<>();
        tiles.add(
                new Headline.Tile(
                        "max sustainable rate at SLO",
                        answer,
                        "attainment \u2265 " + Fmt.percent(s.attainmentTarget()),
                        s.maxSustainableRps().isPresent() ? Severity.PASS : Severity.FAIL));
        tiles.add(
                new Headline.Tile(
                        "knee",
                        s.kneeRps().map(r -> Fmt.num(r) + " req/s").orElse("not reached"),
                        "where latency starts to climb",
                        Severity.INFO));
        tiles.add(
                new Headline.Tile(
                        "headroom past the knee",
                        s.headroomRps().map(r -> Fmt.num(r) + " req/s").orElse("n/a"),
                        "",
                        Severity.INFO));
        s.sloMillis()
                .ifPresent(
                        slo ->
                                tiles.add(
                                        new Headline.Tile(
                                                "SLO",
                                                s.latencyMetric()
                                                        + " \u2264 "
                                                        + Fmt.num(slo)
                                                        + " ms",
                                                "per request",
                                                Severity.INFO)));
        page.lead(
                Headline.verdict(
                                s.maxSustainableRps().isPresent()
                                        ? "CAPACITY FOUND"
                                        : "NO LEVEL PASSED",
                                why,
                                s.maxSustainableRps().isPresent() ? Severity.PASS : Severity.FAIL,
                                null,
                                List.of())
                        + Headline.tiles(tiles));
        page.section("curves", "Latency and errors against load", curves(s));
        page.section("levels", "Levels", table(s));
        return page.render();
    }

    private static String curves(Sweep s) {
        List<Level> l = s.levels();
        double[] x = l.stream().mapToDouble(Level::offeredRps).toArray();
        Chart latency =
                Chart.linear(
                                s.latencyMetric() + " against offered load",
                                "offered rate (req/s)",
                                "req/s",
                                s.latencyMetric() + " (ms)",
                                "ms")
                        .line("p50", Chart.PALETTE.get(0), x, values(l, Level::latencyP50Millis))
                        .line("p99", Chart.PALETTE.get(1), x, values(l, Level::latencyP99Millis));
        s.sloMillis().ifPresent(v -> latency.hline(v, "SLO " + Fmt.num(v) + " ms", Chart.FAIL_RED));
        Chart errors =
                Chart.linear(
                                "Error rate against offered load",
                                "offered rate (req/s)",
                                "req/s",
                                "error rate (%)",
                                "%")
                        .line("error rate", Chart.FAIL_RED, x, values(l, v -> 100 * v.errorRate()));
        Chart rates =
                Chart.linear(
                                "Achieved rate and goodput against offered load",
                                "offered rate (req/s)",
                                "req/s",
                                "requests per second",
                                "req/s")
                        .dashed("offered", Chart.GREY, x, x)
                        .line("completed", Chart.PALETTE.get(3), x, values(l, Level::completedRps))
                        .line("goodput", Chart.PALETTE.get(2), x, values(l, Level::goodRps));
        Chart attainment =
                Chart.linear(
                                "SLO attainment against offered load",
                                "offered rate (req/s)",
                                "req/s",
                                "SLO attainment (%)",
                                "%")
                        .line(
                                "attainment",
                                Chart.PALETTE.get(0),
                                x,
                                values(l, v -> 100 * v.sloAttainment()))
                        .hline(
                                100 * s.attainmentTarget(),
                                "target " + Fmt.percent(s.attainmentTarget()),
                                Chart.FAIL_RED);
        s.kneeRps()
                .ifPresent(
                        k -> {
                            latency.vline(k, "knee", Chart.GREY);
                            rates.vline(k, "knee", Chart.GREY);
                        });
        return "<div class=\"grid2\">"
                + latency.toHtml()
                + errors.toHtml()
                + rates.toHtml()
                + attainment.toHtml()
                + "</div>\n";
    }

    private static double[] values(List<Level> l, java.util.function.ToDoubleFunction<Level> f) {
        return l.stream().mapToDouble(f).toArray();
    }

    private static String table(Sweep s) {
        Table t =
                new Table(
                        List.of(
                                "level",
                                "offered",
                                "completed",
                                s.latencyMetric() + " p50",
                                s.latencyMetric() + " p99",
                                "goodput",
                                "SLO attainment",
                                "error rate",
                                "result"),
                        1);
        int i = 1;
        for (Level l : s.levels()) {
            String label = "level " + i++;
            t.row(
                    List.of(
                            l.reportHref().isEmpty()
                                    ? Table.Cell.text(label)
                                    : Table.Cell.link(label, l.reportHref() + "/report.html"),
                            Table.Cell.num(Fmt.num(l.offeredRps()) + " req/s"),
                            Table.Cell.num(Fmt.num(l.completedRps()) + " req/s"),
                            Table.Cell.num(Fmt.num(l.latencyP50Millis()) + " ms"),
                            Table.Cell.num(Fmt.num(l.latencyP99Millis()) + " ms"),
                            Table.Cell.num(Fmt.num(l.goodRps()) + " req/s"),
                            Table.Cell.num(Fmt.percent(l.sloAttainment())),
                            Table.Cell.num(Fmt.percent(l.errorRate())),
                            l.generatorSaturated()
                                    ? Table.Cell.text("load generator saturated")
                                            .with(Severity.FAIL)
                                    : l.passed()
                                            ? Table.Cell.text("pass").with(Severity.PASS)
                                            : Table.Cell.text("SLO missed").with(Severity.FAIL)));
        }
        return t.toHtml()
                + "<p class=\"note\">Each level links to its own run report. A level passes when its"
                + " SLO attainment reaches the target on a valid run.</p>";
    }
}
