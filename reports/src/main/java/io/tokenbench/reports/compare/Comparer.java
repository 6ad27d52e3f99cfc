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
        return new Comparison(baseline, current, metrics, run, outcomes);
    }
}
