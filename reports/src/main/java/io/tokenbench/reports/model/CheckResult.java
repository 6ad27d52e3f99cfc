package io.tokenbench.reports.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One check of a {@link RunVerdict}: what was required of which figure, what was measured, and
 * whether it held.
 *
 * @param name the check as written ({@code error_rate <= 1%}, or {@code run is valid})
 * @param metric the figure checked ({@code error_rate}, {@code ttft_sched.p99}, {@code validity})
 * @param op comparison symbol ({@code <=}, {@code <}, {@code >=}, {@code >})
 * @param threshold the limit in {@code unit}
 * @param unit unit of threshold and measured value ({@code fraction}, {@code ms}, {@code count})
 * @param measured the measured value in {@code unit}; NaN when it could not be measured
 * @param status pass, fail or could not evaluate
 * @param origin a default check or one the user gave
 * @param detail why, in words (e.g. the invalidating flags, or why it could not be evaluated)
 */
public record CheckResult(
        String name,
        String metric,
        String op,
        double threshold,
        String unit,
        double measured,
        Status status,
        Origin origin,
        String detail) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(detail, "detail");
    }

    /** How a check ended. Never null: a check that could not be measured is NOT_EVALUATED. */
    public enum Status {
        PASS,
        FAIL,
        NOT_EVALUATED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWireName(String s) {
            for (Status v : values()) {
                if (v.wireName().equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown check status '" + s + "'");
        }
    }

    /** Where a check came from. */
    public enum Origin {
        /** Built in: error rate, at least one success, a valid run. */
        DEFAULT,
        /** Given by the user ({@code --check}). */
        USER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Origin fromWireName(String s) {
            for (Origin v : values()) {
                if (v.wireName().equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown check origin '" + s + "'");
        }
    }
}
