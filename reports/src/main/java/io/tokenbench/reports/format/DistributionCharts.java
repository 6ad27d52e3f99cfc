package io.tokenbench.reports.format;

import io.tokenbench.reports.html.Chart;
import io.tokenbench.reports.model.SeriesData;
import io.tokenbench.reports.record.Slo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Percentile curves of related metrics on one chart (ttft, ttft_sched, ttfc, ttfb as lines), with
 * the frequency histogram of the group's first metric beside it, the SLO as a dashed line, and a
 * second run's curves dashed when there is one.
 */
final class DistributionCharts {

    private DistributionCharts() {}

    /** One side of the comparison: its label and its series. */
    record Side(String label, Map<String, SeriesData> series) {}

    /**
     * Pairs of (percentile chart, histogram) for the series named {@code prefix + metric}.
     *
     * @param other a second run drawn dashed (baseline), or empty
     */
    static List<String> charts(
            String prefix, Side current, Optional<Side> other, Optional<Slo> slo) {
        return build(prefix, current, other, slo, true);
    }

    /** Percentile curves only (both runs), for compare pages. */
    static List<String> curves(String prefix, Side current, Optional<Side> other) {
        return build(prefix, current, other, Optional.empty(), false);
    }

    private static List<String> build(
            String prefix,
            Side current,
            Optional<Side> other,
            Optional<Slo> slo,
            boolean histograms) {
        List<String> html = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<Labels.Group> groups = new ArrayList<>(Labels.GROUPS);
        // metrics no group knows get a chart of their own
        for (String name : current.series().keySet()) {
            if (name.startsWith(prefix)) {
                String metric = name.substring(prefix.length());
                if (!metric.contains(".")
                        && groups.stream().noneMatch(g -> g.metrics().contains(metric))) {
                    groups.add(new Labels.Group(Labels.metric(metric), List.of(metric)));
                }
            }
        }
        for (Labels.Group g : groups) {
            List<SeriesData> members = new ArrayList<>();
            for (String m : g.metrics()) {
                RunCharts.series(current.series(), prefix + m).ifPresent(members::add);
            }
            if (members.isEmpty()) {
                continue;
            }
            String unit = members.get(0).unit().reported();
            Chart c =
                    Chart.percentile(
                            g.title() + " by percentile",
                            RunCharts.axis(
                                    members.size() == 1
                                            ? members.get(0).name().substring(prefix.length())
                                            : "latency",
                                    unit),
                            unit);
            int colour = 0;
            for (SeriesData s : members) {
                String colourOf = Chart.PALETTE.get(colour++ % Chart.PALETTE.size());
                String name = s.name().substring(prefix.length());
                double[][] curve = RunCharts.percentileCurve(s.total(), s.unit()::toReported);
                c.line(
                        other.isPresent() ? name + " " + current.label() : name,
                        colourOf,
                        curve[0],
                        curve[1]);
                if (other.isPresent()) {
                    Optional<SeriesData> o = RunCharts.series(other.get().series(), s.name());
                    if (o.isPresent()) {
                        double[][] oc =
                                RunCharts.percentileCurve(
                                        o.get().total(), o.get().unit()::toReported);
                        c.dashed(name + " " + other.get().label(), colourOf, oc[0], oc[1]);
                    }
                }
                done.add(s.name());
            }
            slo.ifPresent(x -> sloLine(c, g, x));
            html.add(c.toHtml());
            if (!histograms) {
                continue;
            }
            SeriesData primary = members.get(0);
            html.add(
                    RunCharts.histogram(
                                    Labels.metric(primary.name().substring(prefix.length()))
                                            + ": frequency",
                                    primary,
                                    Chart.PALETTE.get(0))
                            .toHtml());
        }
        return html;
    }

    private static void sloLine(Chart c, Labels.Group g, Slo slo) {
        long nanos =
                g.metrics().contains("ttft_sched")
                        ? slo.ttftSchedMaxNanos()
                        : g.metrics().contains("e2e_sched")
                                ? slo.e2eSchedMaxNanos()
                                : g.metrics().contains("tpot") ? slo.tpotMaxNanos() : Slo.UNBOUNDED;
        if (nanos != Slo.UNBOUNDED) {
            String metric =
                    g.metrics().contains("ttft_sched")
                            ? "ttft_sched"
                            : g.metrics().contains("e2e_sched") ? "e2e_sched" : "tpot";
            c.hline(
                    nanos / 1e6,
                    "SLO: " + metric + " \u2264 " + Fmt.num(nanos / 1e6) + " ms",
                    Chart.FAIL_RED);
        }
    }
}
