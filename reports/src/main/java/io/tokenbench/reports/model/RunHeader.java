package io.tokenbench.reports.model;

import java.util.Map;
import java.util.Objects;

/**
 * What every summary states in its header (metrics.md "Windows"): scenario, driver, target, load
 * model, window, warm-up, grace, versions.
 *
 * @param scenario scenario name (benchmark file name for JMH)
 * @param driver gatling, jmh, merged, synthetic...
 * @param targetHost host[:port], or "-" when unknown
 * @param startedAt ISO-8601 UTC start
 * @param loadModel open or closed; null for JMH results without thread info is not allowed
 * @param warmupMillis excluded start, by t_sched
 * @param measurementMillis measured window length, -1 when unbounded
 * @param graceMillis grace after the window
 * @param intervalMillis log interval
 * @param measuredSeconds the duration rates are computed over
 * @param versions component versions
 */
public record RunHeader(
        String scenario,
        String driver,
        String targetHost,
        String startedAt,
        LoadModel loadModel,
        long warmupMillis,
        long measurementMillis,
        long graceMillis,
        long intervalMillis,
        double measuredSeconds,
        Map<String, String> versions) {

    public RunHeader {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(targetHost, "targetHost");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(loadModel, "loadModel");
        versions = Map.copyOf(versions);
    }
}
