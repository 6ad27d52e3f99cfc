package io.tokenbench.simulations.config;

import java.time.Duration;

/**
 * Per-request time limits: send to first output token, longest silence between two stream events,
 * and send to end of response. Each positive.
 */
public record Timeouts(Duration firstToken, Duration idle, Duration total) {
    public Timeouts {
        requirePositive("timeout-first-token", firstToken);
        requirePositive("timeout-idle", idle);
        requirePositive("timeout-total", total);
    }

    static void requirePositive(String parameter, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new ParameterException(parameter, "must be > 0, got " + Durations.format(d));
        }
    }
}
