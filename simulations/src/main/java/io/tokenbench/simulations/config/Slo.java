package io.tokenbench.simulations.config;

import java.time.Duration;

/**
 * Per-request service-level objectives for goodput: a request is good when it succeeded and {@code
 * ttft_sched <= ttft}, {@code tpot <= tpot} and {@code e2e_sched <= e2e}.
 */
public record Slo(Duration ttft, Duration tpot, Duration e2e) {
    public Slo {
        Timeouts.requirePositive("--slo-ttft", ttft);
        Timeouts.requirePositive("--slo-tpot", tpot);
        Timeouts.requirePositive("--slo-e2e", e2e);
    }
}
