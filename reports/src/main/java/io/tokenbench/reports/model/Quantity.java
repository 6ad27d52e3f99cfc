package io.tokenbench.reports.model;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.SeriesKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A number of a {@link RunSummary} that compare and gate talk about, by name:
 *
 * <ul>
 *   <li>{@code <metric>.<stat>}: {@code ttft_sched.p99}, {@code tpot.mean}, {@code
 *       SseBench.stream.p99_9}
 *   <li>{@code outcome.<outcome>.rate} (fraction of attempted) and {@code outcome.<outcome>.count}
 *   <li>{@code error_rate}: non-successful / attempted
 *   <li>{@code
 *       throughput.offered_rps|sent_rps|completed_rps|output_tokens_per_s|input_tokens_per_s}
 *   <li>{@code goodput.good_rps|slo_attainment}
 *   <li>{@code credits.total}
 *   <li>{@code requests.successful}: ok + usage_missing requests
 *   <li>per endpoint class (runs recorded per class): {@code <class>.<metric>.<stat>} ({@code
 *       images.image_e2e.p99}) and {@code <class>.<figure>} ({@code video.error_rate}, {@code
 *       speech.goodput.slo_attainment}, {@code images.throughput.completed_rps})
 * </ul>
 */
public sealed interface Quantity {

    /** The name as written in rules and reports. */
    String name();

    /** The unit values are expressed in ({@code ms}, {@code ratio}, {@code req/s}...). */
    String unit();

    /** The value in a summary; NaN when undefined (empty histogram, no requests). */
    double valueIn(RunSummary s);

    /** True when the value is a fraction that rules may write as a percentage. */
    default boolean isFraction() {
        return unit().equals("fraction");
    }

    /**
     * True for a total over the run ({@code credits.total}): it grows with the run's length, so
     * comparisons show its difference, never a percentage change.
     */
    default boolean isTotal() {
        return name().endsWith(".total");
    }

    /** A distribution statistic. */
    record SeriesStat(String series, Stat stat, String seriesUnit) implements Quantity {
        public String name() {
            return series + "." + stat.wireName();
        }

        public String unit() {
            return stat == Stat.COUNT ? "count" : seriesUnit;
        }

        public double valueIn(RunSummary s) {
            MetricSummary m = s.metric(series);
            if (m == null || (m.count() == 0 && stat != Stat.COUNT)) {
                return Double.NaN;
            }
            return m.stat(stat);
        }
    }

    /** Requests of one outcome, as a fraction of attempted ({@code rate}) or a count. */
    record OutcomeShare(Outcome outcome, boolean rate) implements Quantity {
        public String name() {
            return "outcome." + outcome.wireName() + (rate ? ".rate" : ".count");
        }

        public String unit() {
            return rate ? "fraction" : "count";
        }

        public double valueIn(RunSummary s) {
            long n = s.outcomes().get(outcome);
            if (!rate) {
                return n;
            }
            return s.requests().attempted() == 0
                    ? Double.NaN
                    : (double) n / s.requests().attempted();
        }
    }

    /** A run-level figure: error_rate, throughput.*, goodput.*, credits.total. */
    record RunFigure(String name, String unit) implements Quantity {
        public double valueIn(RunSummary s) {
            return switch (name) {
                case "error_rate" -> s.errorRate();
                case "throughput.offered_rps" -> s.throughput().offeredRps();
                case "throughput.sent_rps" -> s.throughput().sentRps();
                case "throughput.completed_rps" -> s.throughput().completedRps();
                case "throughput.output_tokens_per_s" -> s.throughput().outputTokensPerSecond();
                case "throughput.input_tokens_per_s" -> s.throughput().inputTokensPerSecond();
                case "goodput.good_rps" -> s.goodput().goodRps();
                case "goodput.slo_attainment" -> s.goodput().sloAttainment();
                case "credits.total" -> s.credits();
                case "requests.successful" ->
                        s.outcomes().get(Outcome.OK) + s.outcomes().get(Outcome.USAGE_MISSING);
                default -> throw new IllegalStateException(name);
            };
        }
    }

    /** A run-level figure of one endpoint class, judged against the class's own SLO. */
    record ClassFigure(EndpointClass endpoint, RunFigure figure) implements Quantity {
        public String name() {
            return endpoint.wireName() + "." + figure.name();
        }

        public String unit() {
            return figure.unit();
        }

        public double valueIn(RunSummary s) {
            ClassSummary c = s.classes().get(endpoint);
            if (c == null) {
                return Double.NaN;
            }
            return switch (figure.name()) {
                case "error_rate" -> c.errorRate();
                case "throughput.offered_rps" -> c.throughput().offeredRps();
                case "throughput.sent_rps" -> c.throughput().sentRps();
                case "throughput.completed_rps" -> c.throughput().completedRps();
                case "throughput.output_tokens_per_s" -> c.throughput().outputTokensPerSecond();
                case "throughput.input_tokens_per_s" -> c.throughput().inputTokensPerSecond();
                case "goodput.good_rps" -> c.goodput().goodRps();
                case "goodput.slo_attainment" -> c.goodput().sloAttainment();
                case "credits.total" -> c.microCredits() / 1e6;
                default -> throw new IllegalStateException(figure.name());
            };
        }
    }

    /** Every run-level figure, in report order. */
    List<RunFigure> RUN_FIGURES =
            List.of(
                    new RunFigure("throughput.offered_rps", "req/s"),
                    new RunFigure("throughput.sent_rps", "req/s"),
                    new RunFigure("throughput.completed_rps", "req/s"),
                    new RunFigure("throughput.output_tokens_per_s", "tokens/s"),
                    new RunFigure("throughput.input_tokens_per_s", "tokens/s"),
                    new RunFigure("goodput.good_rps", "req/s"),
                    new RunFigure("goodput.slo_attainment", "fraction"),
                    new RunFigure("error_rate", "fraction"),
                    new RunFigure("credits.total", "Credits"));

    /**
     * Successful requests ({@code ok} + {@code usage_missing}) of the measured window: the default
     * check "at least one successful request" is {@code requests.successful >= 1}. Not listed in
     * {@link #RUN_FIGURES} (the reports' figure tables stay as they were).
     */
    RunFigure SUCCESSFUL_REQUESTS = new RunFigure("requests.successful", "count");

    /**
     * Resolves a name against the summaries it will be evaluated on.
     *
     * @throws IllegalArgumentException naming the unknown metric, outcome or statistic
     */
    static Quantity parse(String name, Collection<RunSummary> summaries) {
        if (SUCCESSFUL_REQUESTS.name().equals(name)) {
            return SUCCESSFUL_REQUESTS;
        }
        for (RunFigure f : RUN_FIGURES) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        int first = name.indexOf('.');
        Optional<EndpointClass> endpoint =
                first > 0 ? EndpointClass.fromWireName(name.substring(0, first)) : Optional.empty();
        if (endpoint.isPresent()) {
            String rest = name.substring(first + 1);
            for (RunFigure f : RUN_FIGURES) {
                if (f.name().equals(rest)) {
                    return new ClassFigure(endpoint.get(), f);
                }
            }
        }
        if (name.startsWith("outcome.")) {
            String rest = name.substring("outcome.".length());
            int dot = rest.lastIndexOf('.');
            String kind = dot < 0 ? "" : rest.substring(dot + 1);
            if (dot < 0 || !(kind.equals("rate") || kind.equals("count"))) {
                throw new IllegalArgumentException(
                        "'" + name + "': write outcome.<outcome>.rate or outcome.<outcome>.count");
            }
            Outcome o =
                    Outcome.fromWireName(rest.substring(0, dot))
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "unknown outcome '"
                                                            + rest.substring(0, dot)
                                                            + "' in '"
                                                            + name
                                                            + "'"));
            return new OutcomeShare(o, kind.equals("rate"));
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException(
                    "unknown metric '" + name + "': write <metric>.<stat> such as ttft_sched.p99");
        }
        String series = name.substring(0, dot);
        String statName = name.substring(dot + 1);
        Stat stat = Stat.fromWireName(statName).orElse(null);
        if (stat == null
                && series.endsWith(".p99")
                && statName.equals("9")) { // p99.9 written with a dot
            series = series.substring(0, series.length() - 4);
            stat = Stat.P99_9;
        }
        if (stat == null) {
            throw new IllegalArgumentException(
                    "unknown statistic '"
                            + statName
                            + "' in '"
                            + name
                            + "' (count, mean, p50, p90, p95, p99, p99_9, max)");
        }
        String unit = null;
        for (RunSummary s : summaries) {
            MetricSummary m = s.metric(series);
            if (m != null) {
                unit = m.unit().reported();
            }
        }
        if (unit == null) {
            Optional<SeriesKey> known = SeriesKey.parse(series);
            if (known.isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown metric '" + series + "' in '" + name + "'");
            }
            unit = known.get().metric().unit().reported();
        }
        return new SeriesStat(series, stat, unit);
    }
}
