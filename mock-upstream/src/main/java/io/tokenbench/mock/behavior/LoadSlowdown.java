package io.tokenbench.mock.behavior;

/**
 * Load-dependent slowdown, like a saturating upstream: with more than {@code thresholdRequests}
 * requests in flight, every delay (TTFT and each inter-token gap) is multiplied by {@code 1 +
 * perRequestFactor · (inFlight − thresholdRequests)}.
 *
 * @param thresholdRequests in-flight requests the upstream serves at full speed
 * @param perRequestFactor relative slowdown added by each request above the threshold (0.01 = +1 %)
 */
public record LoadSlowdown(int thresholdRequests, double perRequestFactor) {

    /** No slowdown at any load. */
    public static final LoadSlowdown NONE = new LoadSlowdown(Integer.MAX_VALUE, 0.0);

    public LoadSlowdown {
        if (thresholdRequests < 0) {
            throw new IllegalArgumentException(
                    "slowdown threshold must be >= 0: " + thresholdRequests);
        }
        if (!(perRequestFactor >= 0) || Double.isInfinite(perRequestFactor)) {
            throw new IllegalArgumentException(
                    "slowdown factor must be a finite number >= 0: " + perRequestFactor);
        }
    }

    /**
     * The delay multiplier at {@code inFlight} concurrent requests (1.0 at or below the threshold).
     */
    public double multiplier(int inFlight) {
        int excess = inFlight - thresholdRequests;
        return excess <= 0 ? 1.0 : 1.0 + perRequestFactor * excess;
    }
}
