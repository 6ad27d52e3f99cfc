package io.tokenbench.simulations.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verifier's whole answer: the target, the settings, the mock's enforcement profile (null for a
 * live gateway), every check's result. {@link #exitCode()}: 0 when nothing failed, 1 when a check
 * failed.
 *
 * @param targetKind {@code mock-in-process}, {@code mock} (a running mock with its admin API) or
 *     {@code live}
 * @param targetHost host:port only
 */
public record EnforcementReport(
        String targetKind,
        String targetHost,
        Instant startedAt,
        Instant finishedAt,
        ObjectNode settings,
        JsonNode mockProfile,
        List<CheckResult> checks) {

    public static final int SCHEMA_VERSION = 1;
    public static final int EXIT_PASS = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_COULD_NOT_RUN = 2;

    public EnforcementReport {
        Objects.requireNonNull(targetKind, "targetKind");
        Objects.requireNonNull(targetHost, "targetHost");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(settings, "settings");
        checks = List.copyOf(checks);
    }

    public boolean failed() {
        return checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL);
    }

    public int exitCode() {
        return failed() ? EXIT_FAILED : EXIT_PASS;
    }

    /** The result of one check; every report has all of them. */
    public CheckResult check(CheckName name) {
        return checks.stream()
                .filter(c -> c.name() == name)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + name));
    }
}
