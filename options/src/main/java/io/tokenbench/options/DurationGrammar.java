package io.tokenbench.options;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of every tokenbench command, option file and header: one or more {@code
 * <number><unit>} terms with units {@code ns us ms s m h}, such as {@code 250ms}, {@code 1.5s},
 * {@code 2m}, {@code 1h30m}. A bare number is rejected (is {@code 60} sixty seconds or sixty
 * milliseconds?), except {@code 0}, which needs no unit. Negative values are rejected.
 */
public final class DurationGrammar {
    /** What every error message shows as the accepted forms. */
    public static final String EXAMPLES =
            "a number and a unit (ns, us, ms, s, m, h), e.g. 250ms, 1.5s, 2m, 1h30m";

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ns|us|ms|s|m|h))+");
    private static final Pattern TERM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private DurationGrammar() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: write " + EXAMPLES);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher term = TERM.matcher(trimmed);
        while (term.find()) {
            nanos = nanos.add(new BigDecimal(term.group(1)).multiply(nanosPer(term.group(2))));
        }
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /**
     * Renders {@code duration} in the largest unit that keeps it exact: {@code 1500ms}, {@code
     * 30s}, {@code 2m}.
     */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0";
        }
        String[] units = {"h", "m", "s", "ms", "us"};
        for (String unit : units) {
            long per = nanosPer(unit).longValueExact();
            if (nanos % per == 0) {
                return (nanos / per) + unit;
            }
        }
        return nanos + "ns";
    }

    private static BigDecimal nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> BigDecimal.ONE;
            case "us" -> BigDecimal.valueOf(1_000L);
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            case "h" -> BigDecimal.valueOf(3_600_000_000_000L);
            default -> throw new IllegalArgumentException("unknown duration unit " + unit);
        };
    }
}
