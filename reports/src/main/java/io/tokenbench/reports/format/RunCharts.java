package io.tokenbench.reports.format;

import io.tokenbench.reports.html.Chart;
import io.tokenbench.reports.model.IntervalPoint;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.SeriesData;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.OutcomesLine;
import io.tokenbench.reports.record.Phase;
import io.tokenbench.reports.record.PhaseCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The charts of a run, built from its data: time series on one time axis (seconds since the run
 * start, warm-up shaded), percentile curves of related metrics on one chart, frequency histograms.
 * Stateless helpers shared by the run report, compare and the per-class sections.
 */
final class RunCharts {

    /** Time series longer than this are downsampled (p50 averaged, p90/p99/max bucket maxima). */
    static final int MAX_POINTS = 1200;

    /** Bars of a histogram, about. */
    static final int HISTOGRAM_BARS = 40;

    /** Percentile levels of the curves (x = 1/(1-p)); cut where the sample count runs out. */
    static final double[] LEVELS = {
        0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 92.5, 95, 96, 97, 98, 99, 99.3, 99.5, 99.7,
        99.8, 99.9, 99.95, 99.97, 99.99, 99.995, 99.999, 99.9995, 99.9999
    };

    private RunCharts() {}

    /** 1, 2 or 5 x 10^k at or above v (v <= 0: 1). */
    static double nice(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double exp = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * exp >= v * (1 - 1e-12)) {
                return m * exp;
            }
        }
        return 10 * exp;
    }

    /** A run's time origin: its start, else its first interval. */
    static long origin(RunData data) {
        return data.info()
                .map(i -> i.startEpochMillis())
                .orElseGet(
                        () -> data.lines().isEmpty() ? 0L : data.lines().get(0).startEpochMillis());
    }

    /** Seconds of warm-up (0 when none). */
    static double warmupSeconds(RunData data) {
        return Math.max(0, data.header().warmupMillis()) / 1000.0;
    }

    /**
     * A time chart on the run's one time axis: from its start to its last interval, warm-up shaded.
     */
    static Chart shaded(Chart c, RunData data) {
        double end =
                data.lines().isEmpty()
                        ? 0
                        : (data.lines().get(data.lines().size() - 1).endEpochMillis()
                                        - origin(data))
                                / 1000.0;
        return c.shade(0, warmupSeconds(data), "warm-up").xExtent(0, Math.max(0, end));
    }

    /** The metric of a series without its class prefix ({@code ttft} of {@code chat.ttft}). */
    static String metricOf(SeriesData s) {
        return s.name().substring(s.name().lastIndexOf('.') + 1);
    }

    /** An axis title: a metric's wire name and unit ({@code ttft (ms)}). */
    static String axis(String metric, String unit) {
        return unit.isEmpty() || unit.equals("count") ? metric : metric + " (" + unit + ")";
    }

    /** The percentile curve of one histogram: x = 1/(1-p), the maximum one decade past the last. */
    static double[][] percentileCurve(Histogram h, java.util.function.DoubleUnaryOperator toUnit) {
        List<double[]> points = new ArrayList<>();
        long n = h.getTotalCount();
        for (double p : LEVELS) {
            double x = 1 / (1 - p / 100);
            if (p > 0 && x > Math.max(10, n)) {
                break;
            }
            points.add(new double[] {x, toUnit.applyAsDouble(h.getValueAtPercentile(p))});
        }
        double last = points.get(points.size() - 1)[0];
        points.add(
                new double[] {
                    Math.pow(10, Math.floor(Math.log10(last) + 1e-9) + 1),
                    toUnit.applyAsDouble(h.getMaxValue())
                });
        return transpose(points);
    }

    static double[][] transpose(List<double[]> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        return new double[][] {xs, ys};
    }

    /** A frequency histogram of a recorded histogram, 1-2-5 bucket widths, up to its p99.9. */
    static Chart histogram(String title, SeriesData s, String color) {
        Histogram h = s.total();
        double lo = s.unit().toReported(h.getMinValue());
        double hi = s.unit().toReported(h.getValueAtPercentile(99.9));
        // a near-constant sample still gets a readable axis: at least 5% of its value wide
        double width =
                nice(Math.max(Math.max(hi - lo, 0.05 * Math.abs(hi)), 1e-9) / HISTOGRAM_BARS);
        double start = Math.floor(lo / width) * width;
        int bars = (int) Math.max(1, Math.ceil((hi - start) / width + 1e-9));
        double[] counts = new double[bars];
        long above = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            double value = s.unit().toReported(h.medianEquivalentValue(v.getValueIteratedTo()));
            int b = (int) Math.floor((value - start) / width);
            if (b >= bars) {
                above += v.getCountAtValueIteratedTo();
            } else {
                counts[Math.max(0, b)] += v.getCountAtValueIteratedTo();
            }
        }
        String unit = s.unit().reported();
        return Chart.linear(title, axis(metricOf(s), unit), unit, "requests", "")
                .bars(metricOf(s), color, centres(start, width, bars), counts)
                .xExtent(start, start + bars * width)
                .caption(
                        "bars of "
                                + Fmt.num(width)
                                + " "
                                + unit
                                + (above > 0
                                        ? "; " + above + " values above p99.9 not drawn"
                                        : ""));
    }

    /** A frequency histogram of lengths (tokens). */
    static Chart lengths(String title, String axis, long[] values, String color) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double width = Math.max(1, nice((double) (max - min) / HISTOGRAM_BARS));
        double start = Math.floor(min / width) * width;
        int bars = (int) Math.floor((max - start) / width) + 1;
        double[] counts = new double[bars];
        for (long v : values) {
            counts[(int) Math.floor((v - start) / width)]++;
        }
        // a bar holds the integers start .. start+width-1: centred on them, not on a fraction
        double[] xs = centres(start - 0.5, width, bars);
        double from = start - 0.5;
        double to = start - 0.5 + bars * width;
        double pad = Math.max(0, (10 - (to - from)) / 2); // at least ten tokens wide
        return Chart.linear(title, axis, "tokens", "requests", "")
                .bars("requests", color, xs, counts)
                .xExtent(Math.max(-0.5, from - pad), to + pad)
                .caption(
                        values.length
                                + " successful measured requests, bars of "
                                + Fmt.num(width)
                                + (width == 1 ? " token" : " tokens"));
    }

    /** The centres of {@code bars} buckets of {@code width} from {@code start}. */
    private static double[] centres(double start, double width, int bars) {
        double[] xs = new double[bars];
        for (int i = 0; i < bars; i++) {
            xs[i] = start + (i + 0.5) * width;
        }
        return xs;
    }

    /** Per-interval p50/p90/p99/max of a series on the run's time axis. */
    static Chart bands(String title, SeriesData s, RunData data) {
        List<IntervalPoint> points = s.intervals();
        long origin = origin(data);
        int bucket = Math.max(1, (points.size() + MAX_POINTS - 1) / MAX_POINTS);
        int n = (points.size() + bucket - 1) / bucket;
        double[] xs = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        double[] p99 = new double[n];
        double[] max = new double[n];
        for (int b = 0; b < n; b++) {
            int from = b * bucket;
            int to = Math.min(points.size(), from + bucket);
            double sum = 0;
            p90[b] = Double.NEGATIVE_INFINITY;
            p99[b] = Double.NEGATIVE_INFINITY;
            max[b] = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                IntervalPoint p = points.get(i);
                sum += p.p50();
                p90[b] = Math.max(p90[b], p.p90());
                p99[b] = Math.max(p99[b], p.p99());
                max[b] = Math.max(max[b], p.max());
            }
            xs[b] = (points.get(from).startEpochMillis() - origin) / 1000.0;
            p50[b] = sum / (to - from);
        }
        String unit = s.unit().reported();
        Chart c =
                shaded(Chart.time(title, axis(metricOf(s), unit), unit), data)
                        .line("p50", Chart.PALETTE.get(0), xs, p50)
                        .line("p90", Chart.PALETTE.get(2), xs, p90)
                        .line("p99", Chart.PALETTE.get(1), xs, p99)
                        .dashed("max", Chart.GREY, xs, max)
                        .band(2, 1, "rgba(37,99,235,0.10)")
                        .band(3, 2, "rgba(245,158,11,0.10)");
        if (bucket > 1) {
            c.caption("downsampled: " + bucket + " intervals per point");
        }
        return c;
    }

    /** The counts of one interval: all classes, or one. */
    static PhaseCounts counts(OutcomesLine l, Optional<EndpointClass> endpoint) {
        PhaseCounts c = PhaseCounts.ZERO;
        for (Phase p : Phase.values()) {
            c = c.plus(endpoint.isPresent() ? l.phase(p, endpoint.get()) : l.phase(p));
        }
        return c;
    }

    static double perSecond(double n, OutcomesLine l) {
        long ms = l.endEpochMillis() - l.startEpochMillis();
        return ms <= 0 ? Double.NaN : n * 1000.0 / ms;
    }

    private static double[] xs(RunData data) {
        long origin = origin(data);
        return data.lines().stream()
                .mapToDouble(l -> (l.startEpochMillis() - origin) / 1000.0)
                .toArray();
    }

    private static double[] perInterval(
            RunData data,
            BiFunction<OutcomesLine, PhaseCounts, Double> f,
            Optional<EndpointClass> e) {
        return data.lines().stream().mapToDouble(l -> f.apply(l, counts(l, e))).toArray();
    }

    /** Offered (scheduled), sent and completed requests per second. */
    static Chart rates(RunData data, Optional<EndpointClass> endpoint) {
        double[] xs = xs(data);
        Chart c =
                shaded(
                        Chart.time(
                                "Offered vs achieved request rate", "requests per second", "req/s"),
                        data);
        if (endpoint.isEmpty()) {
            c.dashed(
                    "offered (scheduled)",
                    Chart.GREY,
                    xs,
                    perInterval(data, (l, k) -> perSecond(k.scheduled(), l), endpoint));
        }
        return c.line(
                        "sent",
                        Chart.PALETTE.get(0),
                        xs,
                        perInterval(data, (l, k) -> perSecond(k.sent(), l), endpoint))
                .line(
                        "completed",
                        Chart.PALETTE.get(3),
                        xs,
                        perInterval(data, (l, k) -> perSecond(k.completed(), l), endpoint));
    }

    /** Output tokens per second (all requests that ended in the interval). */
    static Chart outputTokens(RunData data, Optional<EndpointClass> endpoint) {
        return shaded(Chart.time("Output tokens per second", "output tokens/s", "tokens/s"), data)
                .line(
                        "output tokens/s",
                        Chart.PALETTE.get(2),
                        xs(data),
                        perInterval(data, (l, k) -> perSecond(k.outputTokens(), l), endpoint));
    }

    /** Failed requests per second, all and by outcome. */
    static Chart errors(RunData data, Optional<EndpointClass> endpoint) {
        double[] xs = xs(data);
        Chart c =
                shaded(
                                Chart.time(
                                        "Errors per second by outcome",
                                        "failed requests/s",
                                        "req/s"),
                                data)
                        .line(
                                "all failures",
                                Chart.FAIL_RED,
                                xs,
                                perInterval(
                                        data,
                                        (l, k) ->
                                                perSecond(
                                                        k.attempted()
                                                                - k.outcome(Outcome.OK)
                                                                - k.outcome(Outcome.USAGE_MISSING),
                                                        l),
                                        endpoint));
        int colour = 1;
        for (Outcome o : Outcome.values()) {
            if (o.isSuccess()) {
                continue;
            }
            double[] ys = perInterval(data, (l, k) -> perSecond(k.outcome(o), l), endpoint);
            boolean any = false;
            for (double y : ys) {
                any |= y > 0;
            }
            if (any) {
                c.dashed(o.wireName(), Chart.PALETTE.get(colour++ % Chart.PALETTE.size()), xs, ys);
            }
        }
        return c;
    }

    /** Requests in flight at the end of every interval, from the request records. */
    static Chart inFlight(RunData data, RequestSample sample) {
        long origin = origin(data);
        double[] ends = data.lines().stream().mapToDouble(OutcomesLine::endEpochMillis).toArray();
        double[] xs = new double[ends.length];
        for (int i = 0; i < ends.length; i++) {
            xs[i] = (ends[i] - origin) / 1000.0;
        }
        return shaded(Chart.time("Requests in flight", "requests in flight", ""), data)
                .line("in flight", Chart.PALETTE.get(4), xs, sample.inFlightAt(ends))
                .caption("sent and not yet answered, at the end of each interval");
    }

    /** Series of a run that have samples, by name. */
    static Optional<SeriesData> series(Map<String, SeriesData> all, String name) {
        return Optional.ofNullable(all.get(name)).filter(s -> s.total().getTotalCount() > 0);
    }
}
