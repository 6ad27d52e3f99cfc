package io.tokenbench.simulations.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing of durations written as {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1h}, or
 * bare seconds.
 */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private Durations() {}

    /**
     * Parses {@code text}; any other form, or a negative value, throws naming {@code parameter}.
     */
    public static Duration parse(String parameter, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new ParameterException(
                    parameter, "'" + text + "' is not a duration (examples: 500ms, 30s, 2m, 1h)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanosPerUnit =
                switch (unit) {
                    case "ms" -> 1e6;
                    case "s" -> 1e9;
                    case "m" -> 60e9;
                    case "h" -> 3600e9;
                    default -> throw new IllegalStateException(unit);
                };
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }

    /**
     * Renders a duration the way {@link #parse} reads it: {@code 1500ms}, {@code 30s}, {@code 2m}.
     */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return (millis / 60_000) + "m";
        }
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        return millis + "ms";
    }
}
