package io.tokenbench.mock.behavior;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Faults injected at random, each with its probability per request. The draw uses the request's
 * seeded random stream, so it is reproducible for a given seed and request.
 *
 * @param weighted the faults and their probabilities; the probabilities add up to at most 1
 */
public record FaultSettings(List<Weighted> weighted) {

    public static final FaultSettings NONE = new FaultSettings(List.of());

    /** One fault and the probability that a request gets it. */
    public record Weighted(FaultSpec spec, double probability) {
        public Weighted {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException(
                        spec.fault().wireName() + " probability must be in [0, 1]: " + probability);
            }
        }
    }

    public FaultSettings {
        weighted = List.copyOf(weighted);
        double total = weighted.stream().mapToDouble(Weighted::probability).sum();
        if (total > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault probabilities add up to " + total + " > 1");
        }
        if (weighted.stream().map(w -> w.spec().fault()).distinct().count() != weighted.size()) {
            throw new IllegalArgumentException("a fault is listed twice");
        }
    }

    /** Draws the fault for one request (one random number, always consumed). */
    public Optional<FaultSpec> draw(SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (Weighted w : weighted) {
            cumulative += w.probability();
            if (u < cumulative) {
                return Optional.of(w.spec());
            }
        }
        return Optional.empty();
    }
}
