package io.tokenbench.simulations.record;

import io.tokenbench.reports.record.MetricDerivation;
import io.tokenbench.reports.record.RequestTimeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Gateway overhead request by request: request {@code i} went to the gateway (side 0) and to the
 * upstream (side 1) with the same prompt and the same t_sched, so {@code metric(gateway i) -
 * metric(upstream i)} is one sample of the overhead. Metrics come from the reports module's {@link
 * MetricDerivation} helpers; only pairs where both sides succeeded count. Differences can be
 * negative, so they are kept exactly (a long per pair and metric) and summarised at the end.
 *
 * <p>Thread-safe: {@link #offer} from any event loop.
 */
public final class PairedDifferences {
    /** The paired metrics, by wire name, and how each is read from a timeline. */
    static final Map<String, ToLongFunction<RequestTimeline>> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("ttft_sched", MetricDerivation::ttftSchedNanos);
        METRICS.put("e2e", MetricDerivation::e2eNanos);
        METRICS.put("e2e_sched", MetricDerivation::e2eSchedNanos);
        METRICS.put("tpot", MetricDerivation::tpotNanos);
    }

    private final ConcurrentHashMap<Long, Pending> waiting = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> diffs = new LinkedHashMap<>();

    public PairedDifferences() {
        METRICS.keySet().forEach(m -> diffs.put(m, new ArrayList<>()));
    }

    /** Side 0 (gateway) or 1 (upstream) finished request {@code index}. */
    public void offer(int side, long index, RequestTimeline t) {
        if (index < 0) {
            return;
        }
        RequestTimeline[] partner = new RequestTimeline[1];
        // atomically: the first side to finish waits, the second takes it out and pairs
        waiting.compute(
                index,
                (k, first) -> {
                    if (first == null) {
                        return new Pending(side, t);
                    }
                    partner[0] = first.timeline();
                    return null;
                });
        if (partner[0] == null) {
            return;
        }
        RequestTimeline gateway = side == 0 ? t : partner[0];
        RequestTimeline upstream = side == 0 ? partner[0] : t;
        if (!gateway.outcome().isSuccess() || !upstream.outcome().isSuccess()) {
            return;
        }
        synchronized (diffs) {
            METRICS.forEach(
                    (name, f) -> {
                        long g = f.applyAsLong(gateway);
                        long u = f.applyAsLong(upstream);
                        if (g != MetricDerivation.NOT_APPLICABLE
                                && u != MetricDerivation.NOT_APPLICABLE) {
                            diffs.get(name).add(g - u);
                        }
                    });
        }
    }

    private record Pending(int side, RequestTimeline timeline) {}

    /** Percentiles of gateway minus upstream, in milliseconds, per metric. */
    public Map<String, Distribution> summary() {
        Map<String, Distribution> out = new LinkedHashMap<>();
        synchronized (diffs) {
            diffs.forEach((name, values) -> out.put(name, Distribution.of(values)));
        }
        return out;
    }

    /** An exact distribution of differences (ms); NaN when empty. */
    public record Distribution(
            int count, double p1, double p10, double p50, double p90, double p99, double mean) {
        static Distribution of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Distribution(
                        0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] v = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(v);
            return new Distribution(
                    v.length,
                    at(v, 0.01),
                    at(v, 0.10),
                    at(v, 0.50),
                    at(v, 0.90),
                    at(v, 0.99),
                    Arrays.stream(v).average().orElse(Double.NaN) / 1e6);
        }

        /** Nearest-rank percentile. */
        private static double at(long[] sorted, double q) {
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }
    }
}
