package io.tokenbench.simulations.scenarios;

import java.util.List;
import java.util.Optional;

/**
 * Reads a capacity sweep's levels: the maximum sustainable rate (highest level, before the first
 * failing one, whose SLO attainment met the target with a valid generator), the knee (first level
 * whose p99 latency is more than {@value #KNEE_FACTOR} times the first level's), and the headroom
 * between them. Pure.
 */
public final class SweepAnalysis {
    static final double KNEE_FACTOR = 2.0;

    /** One level's figures (latencies in ms, rates per second, attainment a fraction). */
    public record Level(
            double offeredRps,
            double sentRps,
            double completedRps,
            double latencyP50Millis,
            double latencyP99Millis,
            double e2eP99Millis,
            double tpotP99Millis,
            double goodRps,
            double sloAttainment,
            double errorRate,
            double dispatchLagP99Millis,
            boolean generatorSaturated) {

        /** Met the SLO target on a trustworthy run. */
        public boolean passes(double attainmentTarget) {
            return !generatorSaturated && sloAttainment >= attainmentTarget;
        }
    }

    /** The answer of a sweep. Rates are empty when no level qualifies. */
    public record Result(
            Optional<Double> maxSustainableRps,
            Optional<Double> kneeRps,
            Optional<Double> headroomRps,
            String stoppedBecause) {}

    private SweepAnalysis() {}

    /** Should the sweep stop after {@code latest}? Empty when it should go on. */
    public static Optional<String> stopReason(Level latest, double attainmentTarget) {
        if (latest.generatorSaturated()) {
            return Optional.of(
                    "the load generator saturated (dispatch lag over budget): later levels would measure the harness");
        }
        if (latest.sloAttainment() < attainmentTarget) {
            return Optional.of(
                    String.format(
                            java.util.Locale.ROOT,
                            "SLO broke at %.1f/s: attainment %.1f %% < %.1f %%",
                            latest.offeredRps(),
                            100 * latest.sloAttainment(),
                            100 * attainmentTarget));
        }
        if (latest.completedRps() < 0.8 * latest.offeredRps()) {
            return Optional.of(
                    String.format(
                            java.util.Locale.ROOT,
                            "the target saturated at %.1f/s: completed only %.1f/s",
                            latest.offeredRps(),
                            latest.completedRps()));
        }
        return Optional.empty();
    }

    public static Result analyse(
            List<Level> levels, double attainmentTarget, String stoppedBecause) {
        Optional<Double> max = Optional.empty();
        for (Level l : levels) {
            if (!l.passes(attainmentTarget)) {
                break;
            }
            max = Optional.of(l.offeredRps());
        }
        Optional<Double> knee = Optional.empty();
        if (!levels.isEmpty() && levels.get(0).latencyP99Millis() > 0) {
            double base = levels.get(0).latencyP99Millis();
            for (Level l : levels) {
                if (l.latencyP99Millis() > KNEE_FACTOR * base) {
                    knee = Optional.of(l.offeredRps());
                    break;
                }
            }
        }
        // headroom: how far past the knee the SLO still holds; none when it broke at or before the
        // knee
        Optional<Double> headroom =
                max.isPresent() && knee.isPresent() && max.get() >= knee.get()
                        ? Optional.of(max.get() - knee.get())
                        : Optional.empty();
        return new Result(max, knee, headroom, stoppedBecause);
    }
}
