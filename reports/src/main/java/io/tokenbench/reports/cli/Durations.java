package io.tokenbench.reports.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing of durations such as {@code 100ms}, {@code 1.5s}, {@code 250us}; errors name the
 * option.
 */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|ms|s)");

    private Durations() {}

    static Duration parse(String option, String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new UsageException(
                    option
                            + " must be a duration such as 100ms, 1.5s or 250us, got '"
                            + value
                            + "'");
        }
        double n = Double.parseDouble(m.group(1));
        double nanos =
                switch (m.group(2)) {
                    case "ns" -> n;
                    case "us" -> n * 1e3;
                    case "ms" -> n * 1e6;
                    default -> n * 1e9;
                };
        if (nanos < 1) {
            throw new UsageException(option + " must be positive, got '" + value + "'");
        }
        return Duration.ofNanos(Math.round(nanos));
    }
}
