package io.tokenbench.simulations.config;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution of positive integers (synthetic prompt lengths in tokens): {@code 256}, {@code
 * uniform(100,400)} or {@code normal(300,50)} (clamped to at least 1).
 */
public sealed interface IntDistribution {

    /** Draws one value, always at least 1. */
    int sample(SplittableRandom random);

    record Constant(int value) implements IntDistribution {
        public Constant {
            if (value < 1) {
                throw new IllegalArgumentException("value must be >= 1, got " + value);
            }
        }

        @Override
        public int sample(SplittableRandom random) {
            return value;
        }

        @Override
        public String toString() {
            return Integer.toString(value);
        }
    }

    record Uniform(int min, int max) implements IntDistribution {
        public Uniform {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("need 1 <= min <= max, got " + min + "," + max);
            }
        }

        @Override
        public int sample(SplittableRandom random) {
            return min + random.nextInt(max - min + 1);
        }

        @Override
        public String toString() {
            return "uniform(" + min + "," + max + ")";
        }
    }

    record Normal(double mean, double stdDev) implements IntDistribution {
        public Normal {
            if (mean < 1 || stdDev < 0) {
                throw new IllegalArgumentException(
                        "need mean >= 1 and stddev >= 0, got " + mean + "," + stdDev);
            }
        }

        @Override
        public int sample(SplittableRandom random) {
            // Box-Muller on the seeded generator, so the same seed gives the same prompt lengths.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            return (int) Math.max(1, Math.round(mean + z * stdDev));
        }

        @Override
        public String toString() {
            return "normal(" + mean + "," + stdDev + ")";
        }
    }

    Pattern CALL = Pattern.compile("(uniform|normal)\\(\\s*([^,\\s]+)\\s*,\\s*([^,\\s)]+)\\s*\\)");

    /** Parses the forms above; anything else throws an {@link IllegalArgumentException}. */
    static IntDistribution parse(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d+")) {
                return new Constant(Integer.parseInt(t));
            }
            Matcher m = CALL.matcher(t);
            if (m.matches()) {
                return switch (m.group(1)) {
                    case "uniform" ->
                            new Uniform(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    default ->
                            new Normal(
                                    Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
                };
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(
                "'"
                        + text
                        + "' is not a distribution (examples: 256, uniform(100,400), normal(300,50))");
    }
}
