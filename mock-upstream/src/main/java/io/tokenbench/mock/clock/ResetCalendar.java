package io.tokenbench.mock.clock;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * Calendar-aligned reset periods: daily at 00:00, weekly at 00:00 of {@code weekStart}, monthly at
 * 00:00 of the 1st, all in {@code zone}. The boundary instant belongs to the new period.
 *
 * @param zone the zone whose midnight is the boundary (UTC by default; the {@code reset_zone}
 *     switch)
 * @param weekStart the first day of a week (Monday by default; the {@code reset_weekday} switch)
 */
public record ResetCalendar(ZoneId zone, DayOfWeek weekStart) {

    public static final ResetCalendar UTC_MONDAY =
            new ResetCalendar(ZoneId.of("UTC"), DayOfWeek.MONDAY);

    public ResetCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weekStart, "weekStart");
    }

    /**
     * The start of the period containing {@code t}: the latest boundary at or before {@code t}.
     *
     * @throws IllegalArgumentException for {@link ResetType#NONE}, which has no periods
     */
    public Instant periodStart(ResetType type, Instant t) {
        LocalDate date = t.atZone(zone).toLocalDate();
        LocalDate first =
                switch (type) {
                    case DAILY -> date;
                    case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(weekStart));
                    case MONTHLY -> date.withDayOfMonth(1);
                    case NONE -> throw new IllegalArgumentException("reset none has no periods");
                };
        return first.atStartOfDay(zone).toInstant();
    }

    /**
     * The first boundary strictly after {@code periodStart} (which should itself be a boundary).
     */
    public Instant nextBoundary(ResetType type, Instant periodStart) {
        LocalDate date = periodStart.atZone(zone).toLocalDate();
        LocalDate next =
                switch (type) {
                    case DAILY -> date.plusDays(1);
                    case WEEKLY -> date.with(TemporalAdjusters.next(weekStart));
                    case MONTHLY -> date.withDayOfMonth(1).plusMonths(1);
                    case NONE -> throw new IllegalArgumentException("reset none has no periods");
                };
        return next.atStartOfDay(zone).toInstant();
    }
}
