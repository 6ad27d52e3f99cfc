package io.tokenbench.reports.model;

import io.tokenbench.reports.record.Metric;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Coordinated-omission correction for closed-model runs (metrics.md "Storage"): adds, next to ttft,
 * ttfb and e2e, a {@code <metric>_co_corrected} series made with HdrHistogram's {@code
 * copyCorrectedForCoordinatedOmission(expectedInterval)}, so corrected and uncorrected figures
 * stand side by side (wrk2). Refused for open-model runs, which are corrected by construction (the
 * *_sched metrics), and never applied to *_sched metrics.
 */
public final class CoordinatedOmission {

    /** The metrics that get a corrected twin. */
    public static final List<Metric> CORRECTED = List.of(Metric.TTFT, Metric.TTFB, Metric.E2E);

    public static final String SUFFIX = "_co_corrected";

    private CoordinatedOmission() {}

    /**
     * @param expectedInterval the interval at which each closed-loop caller would have sent without
     *     stalls
     * @throws IllegalArgumentException for open-model runs or a non-positive interval
     */
    public static RunData correct(RunData run, Duration expectedInterval) {
        if (!(run.header().loadModel() instanceof LoadModel.Closed)) {
            throw new IllegalArgumentException(
                    "coordinated-omission correction applies to closed-model runs only;"
                            + " open-model runs are corrected by construction (use the *_sched metrics)");
        }
        if (expectedInterval.isZero() || expectedInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "the expected interval must be positive: " + expectedInterval);
        }
        Map<String, SeriesData> series = new LinkedHashMap<>(run.series());
        for (Metric m : CORRECTED) {
            SeriesData s = run.series().get(m.wireName());
            if (s != null) {
                Histogram corrected =
                        s.total().copyCorrectedForCoordinatedOmission(expectedInterval.toNanos());
                String name = m.wireName() + SUFFIX;
                series.put(name, new SeriesData(name, m.unit(), corrected, List.of()));
            }
        }
        return new RunData(
                run.source(),
                run.header(),
                run.info(),
                series,
                run.measured(),
                run.lines(),
                run.blocks(),
                run.measuredByClass(),
                run.folderFlags());
    }
}
