package io.tokenbench.mock.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ResetCalendarTest {

    private static final ResetCalendar UTC = ResetCalendar.UTC_MONDAY;

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void dailyBoundaryInstantBelongsToTheNewPeriod() {
        assertThat(UTC.periodStart(ResetType.DAILY, t("2026-03-10T23:59:59.999999999Z")))
                .isEqualTo(t("2026-03-10T00:00:00Z"));
        assertThat(UTC.periodStart(ResetType.DAILY, t("2026-03-11T00:00:00Z")))
                .isEqualTo(t("2026-03-11T00:00:00Z"));
        assertThat(UTC.nextBoundary(ResetType.DAILY, t("2026-03-10T00:00:00Z")))
                .isEqualTo(t("2026-03-11T00:00:00Z"));
    }

    @Test
    void weeklyStartsOnMondayAtMidnight() {
        // 2026-03-09 is a Monday, 2026-03-15 a Sunday.
        assertThat(UTC.periodStart(ResetType.WEEKLY, t("2026-03-15T23:59:59Z")))
                .isEqualTo(t("2026-03-09T00:00:00Z"));
        assertThat(UTC.periodStart(ResetType.WEEKLY, t("2026-03-16T00:00:00Z")))
                .isEqualTo(t("2026-03-16T00:00:00Z"));
        assertThat(UTC.periodStart(ResetType.WEEKLY, t("2026-03-09T00:00:00Z")))
                .isEqualTo(t("2026-03-09T00:00:00Z"));
        assertThat(UTC.nextBoundary(ResetType.WEEKLY, t("2026-03-09T00:00:00Z")))
                .isEqualTo(t("2026-03-16T00:00:00Z"));
    }

    @Test
    void monthlyStartsOnTheFirst() {
        assertThat(UTC.periodStart(ResetType.MONTHLY, t("2026-03-31T23:59:59Z")))
                .isEqualTo(t("2026-03-01T00:00:00Z"));
        assertThat(UTC.periodStart(ResetType.MONTHLY, t("2026-04-01T00:00:00Z")))
                .isEqualTo(t("2026-04-01T00:00:00Z"));
    }

    @Test
    void monthEndsThirtyFirstToFebruaryLeapDayAndYearEnd() {
        assertThat(UTC.nextBoundary(ResetType.MONTHLY, t("2027-01-01T00:00:00Z")))
                .isEqualTo(t("2027-02-01T00:00:00Z"));
        assertThat(UTC.nextBoundary(ResetType.DAILY, t("2027-01-31T00:00:00Z")))
                .isEqualTo(t("2027-02-01T00:00:00Z"));
        assertThat(UTC.nextBoundary(ResetType.MONTHLY, t("2028-02-01T00:00:00Z")))
                .isEqualTo(t("2028-03-01T00:00:00Z"));
        assertThat(UTC.periodStart(ResetType.DAILY, t("2028-02-29T12:00:00Z")))
                .isEqualTo(t("2028-02-29T00:00:00Z"));
        assertThat(UTC.nextBoundary(ResetType.DAILY, t("2028-02-28T00:00:00Z")))
                .isEqualTo(t("2028-02-29T00:00:00Z"));
        assertThat(UTC.nextBoundary(ResetType.DAILY, t("2028-02-29T00:00:00Z")))
                .isEqualTo(t("2028-03-01T00:00:00Z"));
        assertThat(UTC.periodStart(ResetType.MONTHLY, t("2028-02-29T23:59:59Z")))
                .isEqualTo(t("2028-02-01T00:00:00Z"));
        assertThat(UTC.nextBoundary(ResetType.MONTHLY, t("2026-12-01T00:00:00Z")))
                .isEqualTo(t("2027-01-01T00:00:00Z"));
        assertThat(UTC.periodStart(ResetType.MONTHLY, t("2027-01-01T00:00:00Z")))
                .isEqualTo(t("2027-01-01T00:00:00Z"));
        // 2026-12-28 is a Monday; the week runs into 2027.
        assertThat(UTC.nextBoundary(ResetType.WEEKLY, t("2026-12-28T00:00:00Z")))
                .isEqualTo(t("2027-01-04T00:00:00Z"));
    }

    @Test
    void shanghaiMidnightIsFourPmUtc() {
        ResetCalendar shanghai = new ResetCalendar(ZoneId.of("Asia/Shanghai"), DayOfWeek.MONDAY);
        assertThat(shanghai.periodStart(ResetType.DAILY, t("2026-03-10T15:59:59Z")))
                .isEqualTo(t("2026-03-09T16:00:00Z"));
        assertThat(shanghai.periodStart(ResetType.DAILY, t("2026-03-10T16:00:00Z")))
                .isEqualTo(t("2026-03-10T16:00:00Z"));
        assertThat(shanghai.periodStart(ResetType.MONTHLY, t("2026-03-31T16:00:00Z")))
                .isEqualTo(t("2026-03-31T16:00:00Z"));
        assertThat(shanghai.nextBoundary(ResetType.MONTHLY, t("2026-02-28T16:00:00Z")))
                .isEqualTo(t("2026-03-31T16:00:00Z"));
    }

    @Test
    void sundayWeeksWhenTheWeekdaySwitchSaysSo() {
        ResetCalendar sunday = new ResetCalendar(ZoneId.of("UTC"), DayOfWeek.SUNDAY);
        assertThat(sunday.periodStart(ResetType.WEEKLY, t("2026-03-15T00:00:00Z")))
                .isEqualTo(t("2026-03-15T00:00:00Z"));
        assertThat(sunday.periodStart(ResetType.WEEKLY, t("2026-03-16T10:00:00Z")))
                .isEqualTo(t("2026-03-15T00:00:00Z"));
    }

    @Test
    void resetNoneHasNoPeriods() {
        assertThatThrownBy(() -> UTC.periodStart(ResetType.NONE, t("2026-03-10T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ResetType.parse("weekly")).isEqualTo(ResetType.WEEKLY);
        assertThatThrownBy(() -> ResetType.parse("hourly")).hasMessageContaining("hourly");
    }
}
