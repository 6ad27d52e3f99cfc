package io.tokenbench.reports.record;

/**
 * How a histogram stores its values and how reports print them.
 *
 * <p>HdrHistogram records non-negative {@code long}s, so fractional quantities are stored scaled:
 * {@code reported value = stored value / storedPerReported}.
 *
 * @param stored unit of the stored long, e.g. {@code "ns"} or {@code "milli-tokens/s"}
 * @param reported unit printed in reports and {@code summary.json}, e.g. {@code "ms"}
 * @param storedPerReported how many stored units make one reported unit (1e6 for ns to ms)
 */
public record ValueUnit(String stored, String reported, double storedPerReported) {

    /** Latencies: stored in nanoseconds, reported in milliseconds. */
    public static final ValueUnit NANOS_AS_MILLIS = new ValueUnit("ns", "ms", 1_000_000.0);

    /** Rates per stream: stored in milli-tokens per second, reported in tokens per second. */
    public static final ValueUnit MILLI_TOKENS_PER_SECOND =
            new ValueUnit("milli-tokens/s", "tokens/s", 1_000.0);

    /** Dimensionless ratios (real-time factor): stored in thousandths, reported as a ratio. */
    public static final ValueUnit MILLI_RATIO = new ValueUnit("milli", "ratio", 1_000.0);

    /** Plain counts (polls per job): stored and reported as counts. */
    public static final ValueUnit COUNT = new ValueUnit("count", "count", 1.0);

    public ValueUnit {
        if (stored == null || stored.isBlank() || reported == null || reported.isBlank()) {
            throw new IllegalArgumentException("units must be named");
        }
        if (!(storedPerReported > 0) || Double.isInfinite(storedPerReported)) {
            throw new IllegalArgumentException(
                    "storedPerReported must be positive: " + storedPerReported);
        }
    }

    /** Converts a stored value to the reported unit. */
    public double toReported(double storedValue) {
        return storedValue / storedPerReported;
    }
}
