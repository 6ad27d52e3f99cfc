package io.tokenbench.simulations.config;

import io.tokenbench.options.DurationGrammar;
import java.time.Duration;

/**
 * Per-request time limits: send to first output token, longest silence between two stream events,
 * and send to end of response. Each positive.
 */
public record Timeouts(Duration firstToken, Duration idle, Duration total) {
    public Timeouts {
        requirePositive("--timeout-first-token", firstToken);
        requirePositive("--timeout-idle", idle);
        requirePositive("--timeout-total", total);
    }

    /** Throws an {@link IllegalArgumentException} naming {@code option} unless {@code d > 0}. */
    static void requirePositive(String option, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(
                    option + ": must be > 0, got " + DurationGrammar.format(d));
        }
    }
}
