package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.Block;
import io.tokenbench.reports.model.RunData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The statistical method of relative rules: a two-level block bootstrap of the rule's margin.
 *
 * <p>Each run's measured data is cut into consecutive blocks of whole intervals (at most 30 per
 * run; JMH: one block per iteration). A replicate resamples, independently for baseline and
 * current, the runs with replacement and then, within each drawn run, its blocks with replacement;
 * it recomputes the quantity on the resampled data (histograms added, never percentiles averaged)
 * and the margin {@code current - limit(baseline)} (sign flipped for {@code >=}). From {@link
 * #REPLICATES} replicates the two-sided {@link #CONFIDENCE} percentile interval of the margin
 * decides: entirely below 0 is pass, entirely above 0 is fail, straddling 0 is inconclusive. Blocks
 * keep the short-range correlation of neighbouring intervals; resampling runs carries run-to-run
 * variation when several runs are given. Seeded: the same input gives the same verdict.
 */
public final class BlockBootstrap {

    public static final int REPLICATES = 1000;
    public static final double CONFIDENCE = 0.90;
    public static final long SEED = 20_261_128L;

    private BlockBootstrap() {}

    /** The bootstrap interval of a margin. */
    public record Interval(double low, double high) {}

    /** One side of the comparison: its blocks and which run each range belongs to. */
    static final class Side {
        final List<Block> blocks = new ArrayList<>();
        final List<int[]> runRanges = new ArrayList<>();

        Side(List<RunData> runs) {
            for (RunData r : runs) {
                int from = blocks.size();
                blocks.addAll(r.blocks());
                if (blocks.size() > from) {
                    runRanges.add(new int[] {from, blocks.size()});
                }
            }
        }

        boolean resamplable() {
            return blocks.size() >= 2;
        }

        int[] draw(SplittableRandom rnd) {
            int total = 0;
            int[][] drawnRuns = new int[runRanges.size()][];
            for (int r = 0; r < runRanges.size(); r++) {
                drawnRuns[r] = runRanges.get(rnd.nextInt(runRanges.size()));
                total += drawnRuns[r][1] - drawnRuns[r][0];
            }
            int[] chosen = new int[total];
            int k = 0;
            for (int[] range : drawnRuns) {
                int n = range[1] - range[0];
                for (int i = 0; i < n; i++) {
                    chosen[k++] = range[0] + rnd.nextInt(n);
                }
            }
            return chosen;
        }
    }

    /**
     * The interval of the margin, or empty when a side has fewer than two blocks (the caller then
     * decides on the point estimate).
     */
    static Optional<Interval> margin(
            Rule rule,
            BlockStatistic baseline,
            Side baseSide,
            BlockStatistic current,
            Side curSide) {
        if (!baseSide.resamplable() || !curSide.resamplable()) {
            return Optional.empty();
        }
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[] margins = new double[REPLICATES];
        int n = 0;
        for (int i = 0; i < REPLICATES; i++) {
            double b = baseline.value(baseSide.draw(rnd));
            double c = current.value(curSide.draw(rnd));
            double m = rule.op().margin(c, rule.threshold().limit(b));
            if (!Double.isNaN(m)) {
                margins[n++] = m;
            }
        }
        if (n < REPLICATES / 2) {
            return Optional.empty();
        }
        double[] sorted = Arrays.copyOf(margins, n);
        Arrays.sort(sorted);
        double tail = (1 - CONFIDENCE) / 2;
        return Optional.of(new Interval(quantile(sorted, tail), quantile(sorted, 1 - tail)));
    }

    static double quantile(double[] sorted, double q) {
        int i = (int) Math.floor(q * (sorted.length - 1));
        return sorted[Math.min(sorted.length - 1, Math.max(0, i))];
    }
}
