package io.tokenbench.simulations.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code --abort-on} rule: stop the run early (exit 1, complete run folder) once at least {@code
 * afterRequests} requests finished and the share of them that failed reaches {@code errorRate}
 * ({@code >=}) or exceeds it ({@code >}). Evaluated after every finished request, over every
 * request finished so far (warm-up included: a target that fails from the start is stopped before
 * its window). Written {@code error_rate >= 100% after 100}.
 *
 * @param errorRate the failed share, 0..1
 * @param inclusive {@code >=} (true) or {@code >} (false)
 * @param afterRequests finished requests before the rule is evaluated, at least 1
 */
public record AbortRule(double errorRate, boolean inclusive, long afterRequests) {
    /** The default: stop a run whose first 100 requests all failed. */
    public static final AbortRule DEFAULT = new AbortRule(1.0, true, 100);

    private static final Pattern GRAMMAR =
            Pattern.compile(
                    "error_rate\\s*(>=|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%\\s+after\\s+([0-9]+)",
                    Pattern.CASE_INSENSITIVE);

    public AbortRule {
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException(
                    "--abort-on: the error rate must be 0..100%, got " + errorRate * 100 + "%");
        }
        if (afterRequests < 1) {
            throw new IllegalArgumentException(
                    "--abort-on: 'after N' needs N >= 1, got " + afterRequests);
        }
    }

    /**
     * Parses {@code error_rate >= P% after N} (or {@code >}).
     *
     * @throws IllegalArgumentException naming {@code --abort-on}
     */
    public static AbortRule parse(String text) {
        Matcher m = GRAMMAR.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "--abort-on: '"
                            + text
                            + "' is not 'error_rate >= P% after N' (or '>'), e.g. 'error_rate >="
                            + " 50% after 200'; 'none' turns the default off");
        }
        long after;
        try {
            after = Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--abort-on: N is too large in '" + text + "'", e);
        }
        return new AbortRule(Double.parseDouble(m.group(2)) / 100, m.group(1).equals(">="), after);
    }

    /** True when {@code failed} of {@code finished} requests trip this rule. */
    public boolean trips(long finished, long failed) {
        if (finished < afterRequests) {
            return false;
        }
        double rate = (double) failed / finished;
        return inclusive ? rate >= errorRate : rate > errorRate;
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "error_rate %s %s%% after %d",
                inclusive ? ">=" : ">",
                errorRate * 100 == Math.rint(errorRate * 100)
                        ? Long.toString(Math.round(errorRate * 100))
                        : Double.toString(errorRate * 100),
                afterRequests);
    }
}
