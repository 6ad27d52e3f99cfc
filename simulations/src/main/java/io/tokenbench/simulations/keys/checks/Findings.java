package io.tokenbench.simulations.keys.checks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the shared traffic showed, for the checks to judge: the limit matrix, the key with room
 * (created on the mock, {@code --unlimited-key-env} live, or none), the run on it and the usage
 * endpoint's propagation lag measured on it.
 */
public record Findings(
        VerifyContext ctx,
        LimitMatrix.Result matrix,
        Optional<KeyHandle> unlimitedKey,
        FalseRejectionCheck.UnlimitedRun unlimitedRun,
        PropagationLag lag) {

    public Findings {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(unlimitedKey, "unlimitedKey");
        Objects.requireNonNull(unlimitedRun, "unlimitedRun");
        Objects.requireNonNull(lag, "lag");
    }

    public List<CellOutcome> cells() {
        return matrix.outcomes();
    }

    /** The mock's calibration; empty live. */
    public Optional<Calibration> calibration() {
        return matrix.calibration();
    }
}
