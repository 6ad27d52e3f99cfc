package io.tokenbench.reports.model;

import io.tokenbench.options.ExitCode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The verdict of one run: every check with its measured value, and one state that a CI job maps to
 * an exit code ({@link #exitCode()}). {@code null} never stands for a verdict; a run whose checks
 * could not be measured is {@link State#NOT_EVALUATED}, never passed.
 *
 * <p>The state is decided in this order: {@link State#INVALID} when the validity check failed (the
 * numbers cannot be trusted: load generator saturated, run incomplete, request records that do not
 * reconcile...), else {@link State#FAIL} when any check failed, else {@link State#NOT_EVALUATED}
 * when any check could not be evaluated, else {@link State#PASS}.
 */
public record RunVerdict(State state, List<CheckResult> checks) {

    /** Name and metric of the validity check. */
    public static final String VALIDITY_CHECK = "run is valid";

    public static final String VALIDITY_METRIC = "validity";

    /**
     * Validity flags that make a run's numbers untrustworthy (the others inform: closed_model,
     * millisecond_timestamps, co_corrected, usage_missing, token_mismatch, unfinished_requests).
     */
    public static final Set<String> INVALIDATING_FLAGS =
            Set.of(
                    "load_generator_saturated",
                    "no_measured_requests",
                    "incomplete",
                    "request_log_mismatch",
                    "request_log_dropped");

    public RunVerdict {
        Objects.requireNonNull(state, "state");
        checks = List.copyOf(checks);
    }

    /** The state that follows from the checks (see the class comment). */
    public static RunVerdict of(List<CheckResult> checks) {
        boolean invalid =
                checks.stream()
                        .anyMatch(
                                c ->
                                        c.metric().equals(VALIDITY_METRIC)
                                                && c.status() == CheckResult.Status.FAIL);
        State state;
        if (invalid) {
            state = State.INVALID;
        } else if (checks.stream().anyMatch(c -> c.status() == CheckResult.Status.FAIL)) {
            state = State.FAIL;
        } else if (checks.isEmpty()
                || checks.stream().anyMatch(c -> c.status() == CheckResult.Status.NOT_EVALUATED)) {
            state = State.NOT_EVALUATED;
        } else {
            state = State.PASS;
        }
        return new RunVerdict(state, checks);
    }

    /** 0 pass, 1 checks failed (or the run is invalid), 2 could not evaluate. */
    public int exitCode() {
        return state.exitCode();
    }

    public long count(CheckResult.Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** {@code "FAIL: 1 of 3 checks failed"}. */
    public String headline() {
        return state.label()
                + ": "
                + count(CheckResult.Status.FAIL)
                + " of "
                + checks.size()
                + " checks failed, "
                + count(CheckResult.Status.NOT_EVALUATED)
                + " could not be evaluated (exit "
                + exitCode()
                + ")";
    }

    /** The run's state. */
    public enum State {
        /** Every check passed on a valid, complete run. Exit 0. */
        PASS(ExitCode.PASS),
        /** At least one check failed. Exit 1. */
        FAIL(ExitCode.FAILED),
        /** The validity check failed: the numbers cannot be trusted. Exit 1. */
        INVALID(ExitCode.FAILED),
        /** No check failed, but at least one could not be evaluated. Exit 2. */
        NOT_EVALUATED(ExitCode.COULD_NOT_RUN);

        private final int exitCode;

        State(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return name().replace('_', ' ');
        }

        public static State fromWireName(String s) {
            for (State v : values()) {
                if (v.wireName().equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown verdict '" + s + "'");
        }
    }
}
