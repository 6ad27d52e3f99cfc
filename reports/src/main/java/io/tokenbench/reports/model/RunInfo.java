package io.tokenbench.reports.model;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.RecorderConfig;
import io.tokenbench.reports.record.Slo;
import io.tokenbench.reports.record.Window;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@code run.json} says about a run. Build it with {@link #create}, which passes the
 * parameters through {@link SecretGuard} and reduces the target URL to its host; the canonical
 * constructor re-checks that no parameter value looks like a key, so a {@code RunInfo} never
 * carries one.
 *
 * @param scenario scenario name (letters, digits, '.', '_', '-')
 * @param driver what generated the load: {@code gatling}, {@code jmh}, {@code synthetic}...
 * @param startEpochMillis the run's wall-clock anchor (equals {@code RunClock.startEpochMillis})
 * @param targetHost host[:port] of the target, no user info, path or query
 * @param loadModel open or closed
 * @param interval .hlog interval length
 * @param window warm-up, measurement and grace on t_sched
 * @param slo per-request SLOs of goodput
 * @param parameters scenario parameters (sanitized)
 * @param redactedParameters names whose value was replaced by {@link SecretGuard#REDACTED}
 * @param versions component versions (tokenbench, gatling, jmh, model...)
 * @param machine where the load generator ran
 * @param classSlos per-endpoint-class SLOs; non-empty means the run was recorded per class ({@code
 *     "slo_by_class"} in run.json, absent otherwise)
 */
public record RunInfo(
        String scenario,
        String driver,
        long startEpochMillis,
        String targetHost,
        LoadModel loadModel,
        Duration interval,
        Window window,
        Slo slo,
        Map<String, String> parameters,
        List<String> redactedParameters,
        Map<String, String> versions,
        Machine machine,
        Map<EndpointClass, Slo> classSlos) {

    public static final int SCHEMA_VERSION = 1;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,80}");

    public RunInfo {
        if (scenario == null || !NAME.matcher(scenario).matches()) {
            throw new IllegalArgumentException(
                    "scenario must match " + NAME.pattern() + ": " + scenario);
        }
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(targetHost, "targetHost");
        Objects.requireNonNull(loadModel, "loadModel");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(machine, "machine");
        parameters = Map.copyOf(parameters);
        redactedParameters = List.copyOf(redactedParameters);
        versions = Map.copyOf(versions);
        classSlos =
                classSlos.isEmpty()
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(classSlos));
        parameters.forEach(
                (k, v) -> {
                    if (!v.equals(SecretGuard.REDACTED) && SecretGuard.looksSecret(k, v)) {
                        throw new IllegalArgumentException(
                                "parameter '"
                                        + k
                                        + "' looks like a secret; build RunInfo with create()");
                    }
                });
        if (SecretGuard.looksSecretValue(targetHost)
                || targetHost.contains("/")
                || targetHost.contains("@")) {
            throw new IllegalArgumentException(
                    "targetHost must be host[:port]; use create() with the base URL");
        }
    }

    /** A run recorded without endpoint classes. */
    public RunInfo(
            String scenario,
            String driver,
            long startEpochMillis,
            String targetHost,
            LoadModel loadModel,
            Duration interval,
            Window window,
            Slo slo,
            Map<String, String> parameters,
            List<String> redactedParameters,
            Map<String, String> versions,
            Machine machine) {
        this(
                scenario,
                driver,
                startEpochMillis,
                targetHost,
                loadModel,
                interval,
                window,
                slo,
                parameters,
                redactedParameters,
                versions,
                machine,
                Map.of());
    }

    /**
     * Builds a run description from raw parameters and a base URL, redacting secrets.
     *
     * @param baseUrl the target base URL; only its host and port are kept
     */
    public static RunInfo create(
            String scenario,
            String driver,
            long startEpochMillis,
            String baseUrl,
            LoadModel loadModel,
            RecorderConfig config,
            Map<String, String> rawParameters,
            Map<String, String> versions) {
        SecretGuard.Sanitized clean = SecretGuard.sanitize(rawParameters);
        return new RunInfo(
                scenario,
                driver,
                startEpochMillis,
                SecretGuard.targetHost(baseUrl),
                loadModel,
                config.interval(),
                config.window(),
                config.slo(),
                clean.parameters(),
                clean.redactedNames(),
                versions,
                Machine.current(),
                config.classSlos());
    }

    /** The recorder configuration this run was recorded with. */
    public RecorderConfig recorderConfig() {
        return new RecorderConfig(interval, window, slo, classSlos);
    }
}
