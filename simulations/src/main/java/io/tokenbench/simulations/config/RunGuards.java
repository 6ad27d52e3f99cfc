package io.tokenbench.simulations.config;

import io.tokenbench.reports.gate.RunChecks;
import java.util.List;

/**
 * What decides a run's verdict and guards it: the checks of its verdict ({@code --check}, over the
 * reports module's defaults), the pre-flight request ({@code --no-preflight} turns it off), the
 * {@code --abort-on} rules (empty: never abort) and the re-sends a failed chat request gets ({@code
 * --retries}).
 */
public record RunGuards(RunChecks checks, boolean preflight, List<AbortRule> abortOn, int retries) {
    /** Default checks, pre-flight on, the default abort rule, no retries. */
    public static final RunGuards DEFAULTS =
            new RunGuards(RunChecks.DEFAULTS, true, List.of(AbortRule.DEFAULT), 0);

    /** The most re-sends {@code --retries} accepts. */
    public static final int MAX_RETRIES = 10;

    public RunGuards {
        abortOn = List.copyOf(abortOn);
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException(
                    "--retries: must be 0.." + MAX_RETRIES + ", got " + retries);
        }
    }
}
