package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;

/**
 * One check of {@code keys verify}: judges what the shared traffic showed ({@link Findings}) or
 * runs its own small scenario against the target. A check that needs what the target cannot do (the
 * mock's clock against a live gateway) lets {@link NotCheckable} escape; {@link KeysVerifier} turns
 * it into a {@code not_checked} result with the reason.
 */
public interface Check {
    CheckName name();

    CheckResult run(Findings findings);
}
