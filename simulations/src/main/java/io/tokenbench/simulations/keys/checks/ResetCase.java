package io.tokenbench.simulations.keys.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A calendar boundary the reset check crosses on the mock's clock: keys of the listed reset types
 * are created {@link #LEAD} before it, exhausted, and must be refused just before and admitted at
 * it.
 */
public record ResetCase(String name, Instant boundary, List<String> resetTypes) {

    /**
     * Keys are created this long before the boundary (a non-UTC reset zone resets them in between).
     */
    public static final Duration LEAD = Duration.ofHours(12);

    public ResetCase {
        resetTypes = List.copyOf(resetTypes);
    }

    /**
     * In chronological order, so the clock only moves forward: month end, Monday, year end, leap
     * day.
     */
    public static List<ResetCase> defaults() {
        return List.of(
                new ResetCase(
                        "month_end_jan31_to_feb",
                        Instant.parse("2027-02-01T00:00:00Z"),
                        List.of("daily", "monthly")),
                new ResetCase(
                        "monday",
                        Instant.parse("2027-03-08T00:00:00Z"),
                        List.of("daily", "weekly")),
                new ResetCase(
                        "year_end",
                        Instant.parse("2028-01-01T00:00:00Z"),
                        List.of("daily", "monthly")),
                new ResetCase("leap_day", Instant.parse("2028-02-29T00:00:00Z"), List.of("daily")),
                new ResetCase(
                        "leap_month_end",
                        Instant.parse("2028-03-01T00:00:00Z"),
                        List.of("daily", "monthly")));
    }

    public Instant createdAt() {
        return boundary.minus(LEAD);
    }
}
