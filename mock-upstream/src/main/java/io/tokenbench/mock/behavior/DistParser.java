package io.tokenbench.mock.behavior;

import io.tokenbench.options.DurationGrammar;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parser for the DIST syntax used by {@code --ttft}, {@code --itl}, {@code --output-tokens}
 * and {@code PUT /admin/config}:
 *
 * <pre>
 *   200ms | 64                          constant
 *   uniform(20ms,40ms)                  uniform on [min, max]
 *   normal(200ms,20ms)                  normal(mean, sd), clamped to [max(0, mean-3sd), mean+3sd]
 *   normal(200ms,20ms,150ms,400ms)      normal(mean, sd, min, max), explicit clamp
 *   lognormal(200ms,0.5)                lognormal(median, sigma), clamped to median*e^(3 sigma)
 *   lognormal(200ms,0.5,2s)             lognormal(median, sigma, max)
 * </pre>
 *
 * Durations follow the one grammar of every tokenbench option ({@link DurationGrammar}: a unit of
 * {@code ns us ms s m h}, {@code 0} alone needs none) and come out in nanoseconds; counts have no
 * unit. Bad text throws {@link IllegalArgumentException} with a message saying what is wrong.
 */
public final class DistParser {

    private static final Pattern CALL = Pattern.compile("([a-z]+)\\((.*)\\)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private DistParser() {}

    /** A distribution of durations, in nanoseconds. */
    public static Dist durations(String text) {
        return parse(text, true);
    }

    /** A distribution of counts. */
    public static Dist counts(String text) {
        return parse(text, false);
    }

    /** One duration such as {@code 200ms}, in nanoseconds. */
    public static long durationNanos(String text) {
        return DurationGrammar.parse(text.strip().toLowerCase(Locale.ROOT)).toNanos();
    }

    private static Dist parse(String text, boolean duration) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty distribution");
        }
        String spec = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher call = CALL.matcher(spec);
        if (!call.matches()) {
            return new Dist.Constant(value(spec, duration), spec);
        }
        String[] args = call.group(2).split(",", -1);
        return switch (call.group(1)) {
            case "uniform" -> {
                requireArgs(spec, args, 2, 2);
                yield new Dist.Uniform(value(args[0], duration), value(args[1], duration), spec);
            }
            case "normal" -> {
                requireArgs(spec, args, 2, 4);
                double mean = value(args[0], duration);
                double sd = value(args[1], duration);
                double min =
                        args.length == 4 ? value(args[2], duration) : Math.max(0, mean - 3 * sd);
                double max = args.length == 4 ? value(args[3], duration) : mean + 3 * sd;
                yield new Dist.Normal(mean, sd, min, max, spec);
            }
            case "lognormal" -> {
                requireArgs(spec, args, 2, 3);
                double median = value(args[0], duration);
                double sigma = value(args[1], false);
                double max =
                        args.length == 3 ? value(args[2], duration) : median * Math.exp(3 * sigma);
                yield new Dist.LogNormal(median, sigma, max, spec);
            }
            default ->
                    throw new IllegalArgumentException(
                            "unknown distribution '"
                                    + call.group(1)
                                    + "' (expected uniform, normal or lognormal)");
        };
    }

    private static void requireArgs(String spec, String[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            throw new IllegalArgumentException(
                    "'"
                            + spec
                            + "' needs "
                            + (min == max ? min : min + " to " + max)
                            + " arguments");
        }
    }

    private static double value(String text, boolean duration) {
        if (duration) {
            return DurationGrammar.parse(text).toNanos();
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a non-negative number");
        }
        return Double.parseDouble(text);
    }
}
