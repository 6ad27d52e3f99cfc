package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.Block;
import io.tokenbench.reports.model.MetricSummary;
import io.tokenbench.reports.model.Quantity;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.Stat;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.PhaseCounts;
import io.tokenbench.reports.record.ValueUnit;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A quantity computed on a multiset of blocks (indices into one side's block list, repeats
 * allowed): what one bootstrap replicate evaluates. Distribution statistics add the chosen blocks'
 * histograms (as sparse counts over the side's union of buckets, so a replicate costs blocks x
 * non-empty buckets); ratios divide summed counts; rates scale the pooled point value by the chosen
 * share of the counted events.
 */
interface BlockStatistic {

    double value(int[] chosen);

    static BlockStatistic of(Quantity q, List<Block> blocks, RunSummary pooled) {
        if (q instanceof Quantity.SeriesStat s) {
            return new Distribution(s.series(), s.stat(), blocks, pooled.metric(s.series()).unit());
        }
        if (q instanceof Quantity.OutcomeShare o) {
            Outcome outcome = o.outcome();
            return o.rate()
                    ? ratio(blocks, c -> c.outcome(outcome), PhaseCounts::attempted)
                    : sum(blocks, c -> c.outcome(outcome));
        }
        String name = q.name();
        return switch (name) {
            case "error_rate" ->
                    ratio(
                            blocks,
                            c ->
                                    c.attempted()
                                            - c.outcome(Outcome.OK)
                                            - c.outcome(Outcome.USAGE_MISSING),
                            PhaseCounts::attempted);
            case "requests.successful" ->
                    sum(blocks, c -> c.outcome(Outcome.OK) + c.outcome(Outcome.USAGE_MISSING));
            case "goodput.slo_attainment" ->
                    ratio(blocks, PhaseCounts::good, PhaseCounts::attempted);
            case "throughput.offered_rps" ->
                    scaled(
                            blocks,
                            q.valueIn(pooled),
                            c -> c.scheduled() > 0 ? c.scheduled() : c.attempted());
            case "throughput.sent_rps" -> scaled(blocks, q.valueIn(pooled), PhaseCounts::sent);
            case "throughput.completed_rps" ->
                    scaled(blocks, q.valueIn(pooled), PhaseCounts::completed);
            case "throughput.output_tokens_per_s" ->
                    scaled(blocks, q.valueIn(pooled), PhaseCounts::outputTokens);
            case "throughput.input_tokens_per_s" ->
                    scaled(blocks, q.valueIn(pooled), PhaseCounts::inputTokens);
            case "goodput.good_rps" -> scaled(blocks, q.valueIn(pooled), PhaseCounts::good);
            case "credits.total" -> scaled(blocks, q.valueIn(pooled), PhaseCounts::microCredits);
            default -> throw new IllegalArgumentException("no block statistic for " + name);
        };
    }

    private static BlockStatistic ratio(
            List<Block> blocks, ToLongFunction<PhaseCounts> num, ToLongFunction<PhaseCounts> den) {
        long[] n = blocks.stream().mapToLong(b -> num.applyAsLong(b.counts())).toArray();
        long[] d = blocks.stream().mapToLong(b -> den.applyAsLong(b.counts())).toArray();
        return chosen -> {
            long sn = 0;
            long sd = 0;
            for (int i : chosen) {
                sn += n[i];
                sd += d[i];
            }
            return sd == 0 ? Double.NaN : (double) sn / sd;
        };
    }

    private static BlockStatistic sum(List<Block> blocks, ToLongFunction<PhaseCounts> f) {
        long[] v = blocks.stream().mapToLong(b -> f.applyAsLong(b.counts())).toArray();
        return chosen -> {
            long s = 0;
            for (int i : chosen) {
                s += v[i];
            }
            return s;
        };
    }

    private static BlockStatistic scaled(
            List<Block> blocks, double pointValue, ToLongFunction<PhaseCounts> f) {
        long[] v = blocks.stream().mapToLong(b -> f.applyAsLong(b.counts())).toArray();
        long all = 0;
        for (long x : v) {
            all += x;
        }
        long total = all;
        return chosen -> {
            if (total == 0) {
                return pointValue;
            }
            long s = 0;
            for (int i : chosen) {
                s += v[i];
            }
            return pointValue * s / total * ((double) v.length / chosen.length);
        };
    }

    /** A distribution statistic over the chosen blocks' histograms. */
    final class Distribution implements BlockStatistic {
        private final Stat stat;
        private final ValueUnit unit;
        private final long[] highValues;
        private final long[] midValues;
        private final int[][] indices;
        private final long[][] counts;

        Distribution(String series, Stat stat, List<Block> blocks, ValueUnit unit) {
            this.stat = stat;
            this.unit = unit;
            TreeSet<Long> buckets = new TreeSet<>();
            for (Block b : blocks) {
                Histogram h = b.series().get(series);
                if (h != null) {
                    for (HistogramIterationValue v : h.recordedValues()) {
                        buckets.add(h.lowestEquivalentValue(v.getValueIteratedTo()));
                    }
                }
            }
            long[] lows = buckets.stream().mapToLong(Long::longValue).toArray();
            Histogram any =
                    blocks.stream()
                            .map(b -> b.series().get(series))
                            .filter(h -> h != null)
                            .findFirst()
                            .orElse(new Histogram(3));
            highValues = new long[lows.length];
            midValues = new long[lows.length];
            for (int i = 0; i < lows.length; i++) {
                highValues[i] = any.highestEquivalentValue(lows[i]);
                midValues[i] = any.medianEquivalentValue(lows[i]);
            }
            indices = new int[blocks.size()][];
            counts = new long[blocks.size()][];
            for (int bi = 0; bi < blocks.size(); bi++) {
                Histogram h = blocks.get(bi).series().get(series);
                if (h == null) {
                    indices[bi] = new int[0];
                    counts[bi] = new long[0];
                    continue;
                }
                int n = 0;
                int[] idx = new int[lows.length];
                long[] cnt = new long[lows.length];
                for (HistogramIterationValue v : h.recordedValues()) {
                    idx[n] =
                            Arrays.binarySearch(
                                    lows, h.lowestEquivalentValue(v.getValueIteratedTo()));
                    cnt[n] = v.getCountAtValueIteratedTo();
                    n++;
                }
                indices[bi] = Arrays.copyOf(idx, n);
                counts[bi] = Arrays.copyOf(cnt, n);
            }
        }

        @Override
        public double value(int[] chosen) {
            long[] acc = new long[highValues.length];
            long total = 0;
            for (int b : chosen) {
                int[] idx = indices[b];
                long[] cnt = counts[b];
                for (int k = 0; k < idx.length; k++) {
                    acc[idx[k]] += cnt[k];
                    total += cnt[k];
                }
            }
            if (stat == Stat.COUNT) {
                return total;
            }
            if (total == 0) {
                return Double.NaN;
            }
            if (stat == Stat.MEAN) {
                double sum = 0;
                for (int i = 0; i < acc.length; i++) {
                    sum += (double) midValues[i] * acc[i];
                }
                return unit.toReported(sum / total);
            }
            if (stat == Stat.MAX) {
                for (int i = acc.length - 1; i >= 0; i--) {
                    if (acc[i] > 0) {
                        return unit.toReported(highValues[i]);
                    }
                }
            }
            long rank = MetricSummary.rank(stat.percentile(), total);
            long cumulative = 0;
            for (int i = 0; i < acc.length; i++) {
                cumulative += acc[i];
                if (cumulative >= rank) {
                    return unit.toReported(highValues[i]);
                }
            }
            return unit.toReported(highValues[highValues.length - 1]);
        }
    }
}
