package io.tokenbench.reports.compare;

import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.Quantity;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.Stat;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Comparison}: metrics with samples on either side, every run figure, every outcome
 * seen.
 */
public final class Comparer {

    /** The statistics compare shows per metric. */
    public static final List<Stat> STATS =
            List.of(Stat.P50, Stat.P90, Stat.P99, Stat.P99_9, Stat.MAX);

    private Comparer() {}

    /** Per-endpoint-class series names ({@code images.image_e2e}) of a summary, in class order. */
    private static List<String> classSeries(RunSummary s) {
        List<String> out = new ArrayList<>();
        s.classes()
                .forEach(
                        (endpoint, c) ->
                                c.metrics()
                                        .keySet()
                                        .forEach(m -> out.add(endpoint.wireName() + "." + m)));
        return out;
    }

    public static Comparison compare(RunSummary baseline, RunSummary current) {
        List<Delta> metrics = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(baseline.metrics().keySet());
        names.addAll(current.metrics().keySet());
        names.addAll(classSeries(baseline));
        names.addAll(classSeries(current));
        for (String name : names) {
            MetricSummary b = baseline.metric(name);
            MetricSummary c = current.metric(name);
            long samples = (b == null ? 0 : b.count()) + (c == null ? 0 : c.count());
            if (samples == 0) {
                continue;
            }
            String unit = (c != null ? c : b).unit().reported();
            for (Stat stat : STATS) {
                Quantity q = new Quantity.SeriesStat(name, stat, unit);
                metrics.add(new Delta(q, q.valueIn(baseline), q.valueIn(current)));
            }
        }
        List<Delta> run = new ArrayList<>();
        for (Quantity.RunFigure f : Quantity.RUN_FIGURES) {
            run.add(new Delta(f, f.valueIn(baseline), f.valueIn(current)));
        }
        Set<EndpointClass> classes = new java.util.TreeSet<>(baseline.classes().keySet());
        classes.addAll(current.classes().keySet());
        for (EndpointClass endpoint : classes) {
            for (String figure :
                    List.of(
                            "error_rate",
                            "goodput.good_rps",
                            "goodput.slo_attainment",
                            "throughput.completed_rps")) {
                Quantity q = Quantity.parse(endpoint.wireName() + "." + figure, List.of());
                run.add(new Delta(q, q.valueIn(baseline), q.valueIn(current)));
            }
        }
        List<Delta> outcomes = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            if (baseline.outcomes().get(o) + current.outcomes().get(o) > 0) {
                Quantity q = new Quantity.OutcomeShare(o, true);
                outcomes.add(new Delta(q, q.valueIn(baseline), q.valueIn(current)));
            }
        }
        return new Comparison(
                baseline, current, metrics, run, outcomes, warnings(baseline, current));
    }

    /** Measured windows that differ by more than this share are worth a warning. */
    static final double DURATION_TOLERANCE = 0.10;

    /** Why the two runs may not be comparable: load shape, measured duration, target. */
    static List<String> warnings(RunSummary baseline, RunSummary current) {
        List<String> out = new ArrayList<>();
        var b = baseline.header();
        var c = current.header();
        if (!b.loadModel().describe().equals(c.loadModel().describe())) {
            out.add(
                    "the runs had different load shapes: baseline "
                            + b.loadModel().describe()
                            + ", current "
                            + c.loadModel().describe());
        }
        double bs = b.measuredSeconds();
        double cs = c.measuredSeconds();
        if (bs > 0 && cs > 0 && Math.abs(cs - bs) > DURATION_TOLERANCE * Math.max(bs, cs)) {
            out.add(
                    String.format(
                            java.util.Locale.ROOT,
                            "the measured windows differ: baseline %.1f s, current %.1f s"
                                    + " (totals such as credits.total are not comparable)",
                            bs,
                            cs));
        }
        if (!b.targetHost().equals(c.targetHost())) {
            out.add(
                    "the runs measured different targets: baseline "
                            + b.targetHost()
                            + ", current "
                            + c.targetHost());
        }
        return out;
    }
}
