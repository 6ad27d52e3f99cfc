package io.tokenbench.simulations.load;

import io.tokenbench.simulations.config.LoadModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The intended start of every request of an open-model run, as nanosecond offsets from the run's
 * schedule anchor, drawn once before the run from the load model and a seed (so two targets, or two
 * runs, can receive the same schedule); a trace's are its own timestamps. Poisson arrivals of a
 * varying rate are drawn by thinning: candidates at the peak rate, each kept with probability
 * rate(t) / peak.
 */
public final class ArrivalSchedule {
    private final long[] offsetsNanos;

    private ArrivalSchedule(long[] offsetsNanos) {
        this.offsetsNanos = offsetsNanos;
    }

    /** Arrivals of {@code model} over {@code length}; {@code model} must be open. */
    public static ArrivalSchedule of(LoadModel model, Duration length, long seed) {
        if (!model.open()) {
            throw new IllegalArgumentException(
                    "a closed model has no arrival schedule: " + model.describe());
        }
        long lengthNanos = length.toNanos();
        if (model instanceof LoadModel.Trace trace) {
            // the trace's own timestamps (divided by its speed), cut at the run's length
            long[] offsets = new long[trace.requests().size()];
            int kept = 0;
            while (kept < offsets.length && trace.offsetNanos(kept) < lengthNanos) {
                offsets[kept] = trace.offsetNanos(kept);
                kept++;
            }
            return new ArrivalSchedule(Arrays.copyOf(offsets, kept));
        }
        SplittableRandom random = new SplittableRandom(seed);
        double peak = model.peakRatePerSec();
        long[] out =
                new long
                        [(int)
                                Math.min(
                                        Integer.MAX_VALUE - 8,
                                        Math.ceil(peak * length.toSeconds() * 1.2) + 16)];
        int n = 0;
        if (model instanceof LoadModel.ConstantRate c && !c.poisson()) {
            double gapNanos = 1e9 / c.ratePerSec();
            for (double t = 0; t < lengthNanos; t += gapNanos) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = Math.round(t);
            }
            return new ArrivalSchedule(Arrays.copyOf(out, n));
        }
        double t = 0;
        while (true) {
            t += -Math.log(1.0 - random.nextDouble()) * 1e9 / peak;
            if (t >= lengthNanos) {
                break;
            }
            if (random.nextDouble() * peak <= model.rateAt((long) t, lengthNanos)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = (long) t;
            }
        }
        return new ArrivalSchedule(Arrays.copyOf(out, n));
    }

    /**
     * Injector {@code index}'s share of this schedule split across {@code count} injectors:
     * arrivals {@code index, index + count, index + 2 count, ...}, at their original offsets. The
     * shares of all indexes are disjoint and together are exactly this schedule.
     */
    public ArrivalSchedule share(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("share " + index + " of " + count);
        }
        int n =
                offsetsNanos.length <= index
                        ? 0
                        : (offsetsNanos.length - index + count - 1) / count;
        long[] mine = new long[n];
        for (int k = 0; k < n; k++) {
            mine[k] = offsetsNanos[index + k * count];
        }
        return new ArrivalSchedule(mine);
    }

    /**
     * The arrivals {@code i} of this schedule for which {@code keep.test(i)}, at their original
     * offsets.
     */
    public ArrivalSchedule select(java.util.function.IntPredicate keep) {
        long[] out = new long[offsetsNanos.length];
        int n = 0;
        for (int i = 0; i < offsetsNanos.length; i++) {
            if (keep.test(i)) {
                out[n++] = offsetsNanos[i];
            }
        }
        return new ArrivalSchedule(Arrays.copyOf(out, n));
    }

    public int size() {
        return offsetsNanos.length;
    }

    /** Offset of arrival {@code i} (0-based), in nanoseconds from the anchor; increasing. */
    public long offsetNanos(int i) {
        return offsetsNanos[i];
    }

    /** How many arrivals fall in {@code [fromNanos, toNanos)}. */
    public int countBetween(long fromNanos, long toNanos) {
        return lowerBound(toNanos) - lowerBound(fromNanos);
    }

    private int lowerBound(long nanos) {
        int i = Arrays.binarySearch(offsetsNanos, nanos);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && offsetsNanos[i - 1] == nanos) {
            i--;
        }
        return i;
    }
}
