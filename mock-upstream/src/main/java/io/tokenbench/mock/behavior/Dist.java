package io.tokenbench.mock.behavior;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A distribution of one behaviour quantity: a duration in nanoseconds or a count. Parsed from the
 * DIST syntax by {@link DistParser}; {@link #spec()} gives the text back for the admin API.
 */
public sealed interface Dist permits Dist.Constant, Dist.Uniform, Dist.Normal, Dist.LogNormal {

    /** One draw (nanoseconds or a count), never negative. */
    double sample(SplittableRandom random);

    /** The DIST text this was parsed from, for example {@code uniform(20ms,40ms)}. */
    String spec();

    /** A fixed value. */
    record Constant(double value, String spec) implements Dist {
        public Constant {
            requireNonNegative(value, "value");
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public double sample(SplittableRandom random) {
            return value;
        }
    }

    /** Uniform on {@code [min, max]}. */
    record Uniform(double min, double max, String spec) implements Dist {
        public Uniform {
            requireNonNegative(min, "min");
            if (max < min) {
                throw new IllegalArgumentException("uniform max must be >= min");
            }
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public double sample(SplittableRandom random) {
            return max == min ? min : min + random.nextDouble() * (max - min);
        }
    }

    /** Normal, clamped to {@code [min, max]} (by default mean ± 3 sd, never below 0). */
    record Normal(double mean, double sd, double min, double max, String spec) implements Dist {
        public Normal {
            requireNonNegative(mean, "mean");
            requireNonNegative(sd, "standard deviation");
            requireNonNegative(min, "min");
            if (max < min) {
                throw new IllegalArgumentException("normal max must be >= min");
            }
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public double sample(SplittableRandom random) {
            return Math.min(max, Math.max(min, mean + sd * random.nextGaussian()));
        }
    }

    /**
     * Log-normal with the given median and shape {@code sigma} (the standard deviation of the log),
     * clamped to {@code max} (by default median · e^(3σ)).
     */
    record LogNormal(double median, double sigma, double max, String spec) implements Dist {
        public LogNormal {
            if (!(median > 0)) {
                throw new IllegalArgumentException("lognormal median must be > 0");
            }
            requireNonNegative(sigma, "sigma");
            if (max < 0) {
                throw new IllegalArgumentException("lognormal max must be >= 0");
            }
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public double sample(SplittableRandom random) {
            return Math.min(max, median * Math.exp(sigma * random.nextGaussian()));
        }
    }

    private static void requireNonNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0");
        }
    }
}
