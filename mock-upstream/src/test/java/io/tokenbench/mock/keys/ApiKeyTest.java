package io.tokenbench.mock.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.clock.ResetCalendar;
import io.tokenbench.mock.clock.ResetType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final ResetCalendar UTC = ResetCalendar.UTC_MONDAY;
    private final KeyStore store = new KeyStore();

    private ApiKey key(ResetType reset, Expiration expiration, Instant created) {
        return store.create(new KeySpec("k", 1_000_000L, reset, expiration), created, UTC).key();
    }

    @Test
    void dailyResetHappensAtTheExactBoundaryAndKeepsTotal() {
        ApiKey key = key(ResetType.DAILY, Expiration.NONE, Instant.parse("2026-03-10T08:00:00Z"));
        key.update(s -> s.charged(1_200_000, 1_200_000));
        assertThat(key.statusOf(key.state(), Instant.parse("2026-03-10T23:59:59Z"), 0))
                .isEqualTo(KeyStatus.EXHAUSTED);
        KeyState before =
                key.applyDueReset(Instant.parse("2026-03-10T23:59:59.999Z"), UTC, Duration.ZERO);
        assertThat(before.usedInPeriodMicroCredits()).isEqualTo(1_200_000);
        KeyState after =
                key.applyDueReset(Instant.parse("2026-03-11T00:00:00Z"), UTC, Duration.ZERO);
        assertThat(after.usedInPeriodMicroCredits()).isZero();
        assertThat(after.usedTotalMicroCredits()).isEqualTo(1_200_000);
        assertThat(after.limitMicroCredits()).isEqualTo(1_000_000);
        assertThat(after.periodStart()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(after.nextResetAt()).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
        assertThat(key.statusOf(after, Instant.parse("2026-03-11T00:00:00Z"), 0))
                .isEqualTo(KeyStatus.ENABLED);
    }

    @Test
    void catchUpJumpsOverMissedBoundariesWithoutCarryOver() {
        ApiKey key = key(ResetType.DAILY, Expiration.NONE, Instant.parse("2026-03-10T08:00:00Z"));
        key.update(s -> s.charged(300, 300));
        KeyState after =
                key.applyDueReset(Instant.parse("2026-03-14T13:00:00Z"), UTC, Duration.ZERO);
        assertThat(after.periodStart()).isEqualTo(Instant.parse("2026-03-14T00:00:00Z"));
        assertThat(after.nextResetAt()).isEqualTo(Instant.parse("2026-03-15T00:00:00Z"));
        assertThat(after.usedInPeriodMicroCredits()).isZero();
        assertThat(after.usedTotalMicroCredits()).isEqualTo(300);
        // Applying again in the same period is not a second reset.
        key.update(s -> s.charged(7, 7));
        assertThat(
                        key.applyDueReset(Instant.parse("2026-03-14T23:00:00Z"), UTC, Duration.ZERO)
                                .usedInPeriodMicroCredits())
                .isEqualTo(7);
    }

    @Test
    void monthlyCatchUpAcrossYearEndAndLeapDay() {
        ApiKey key = key(ResetType.MONTHLY, Expiration.NONE, Instant.parse("2027-11-15T00:00:00Z"));
        KeyState s = key.applyDueReset(Instant.parse("2028-02-29T23:59:59Z"), UTC, Duration.ZERO);
        assertThat(s.periodStart()).isEqualTo(Instant.parse("2028-02-01T00:00:00Z"));
        assertThat(s.nextResetAt()).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
    }

    @Test
    void resetLagDelaysTheResetButNotThePeriodStart() {
        ApiKey key = key(ResetType.DAILY, Expiration.NONE, Instant.parse("2026-03-10T08:00:00Z"));
        key.update(s -> s.charged(5, 5));
        Duration lag = Duration.ofMinutes(1);
        assertThat(
                        key.applyDueReset(Instant.parse("2026-03-11T00:00:59Z"), UTC, lag)
                                .usedInPeriodMicroCredits())
                .isEqualTo(5);
        KeyState s = key.applyDueReset(Instant.parse("2026-03-11T00:01:00Z"), UTC, lag);
        assertThat(s.usedInPeriodMicroCredits()).isZero();
        assertThat(s.periodStart()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    }

    @Test
    void clockSetBackwardsDoesNotReset() {
        ApiKey key = key(ResetType.DAILY, Expiration.NONE, Instant.parse("2026-03-10T08:00:00Z"));
        key.update(s -> s.charged(5, 5));
        assertThat(
                        key.applyDueReset(Instant.parse("2026-03-01T00:00:00Z"), UTC, Duration.ZERO)
                                .usedInPeriodMicroCredits())
                .isEqualTo(5);
    }

    @Test
    void recalendarMovesTheNextBoundaryToTheNewZone() {
        ApiKey key = key(ResetType.DAILY, Expiration.NONE, Instant.parse("2026-03-10T08:00:00Z"));
        ResetCalendar shanghai = new ResetCalendar(ZoneId.of("Asia/Shanghai"), DayOfWeek.MONDAY);
        key.recalendar(shanghai);
        assertThat(key.state().nextResetAt()).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
    }

    @Test
    void expiryExactSecondIsStillValidForSevenAndThirtyDays() {
        Instant created = Instant.parse("2026-03-10T08:00:00Z");
        ApiKey seven = key(ResetType.NONE, Expiration.SEVEN_DAYS, created);
        ApiKey thirty = key(ResetType.NONE, Expiration.THIRTY_DAYS, created);
        assertThat(seven.expiresAt()).isEqualTo(created.plusSeconds(604_800));
        assertThat(thirty.expiresAt()).isEqualTo(created.plusSeconds(2_592_000));
        for (ApiKey k : new ApiKey[] {seven, thirty}) {
            assertThat(k.isExpired(k.expiresAt().minusSeconds(1), 0)).isFalse();
            assertThat(k.isExpired(k.expiresAt(), 0)).isFalse();
            assertThat(k.isExpired(k.expiresAt().plusMillis(999), 0)).isFalse();
            assertThat(k.isExpired(k.expiresAt().plusSeconds(1), 0)).isTrue();
            assertThat(k.statusOf(k.state(), k.expiresAt().plusSeconds(1), 0))
                    .isEqualTo(KeyStatus.EXPIRED);
        }
    }

    @Test
    void expiryOffByOneShiftsTheCheck() {
        ApiKey key =
                key(ResetType.NONE, Expiration.SEVEN_DAYS, Instant.parse("2026-03-10T08:00:00Z"));
        assertThat(key.isExpired(key.expiresAt(), -1)).isTrue();
        assertThat(key.isExpired(key.expiresAt().plusSeconds(1), 1)).isFalse();
    }

    @Test
    void staleSnapshotIsServedUntilItIsOlderThanMaxAge() {
        Instant t0 = Instant.parse("2026-03-10T08:00:00Z");
        ApiKey key = key(ResetType.NONE, Expiration.NONE, t0);
        Duration maxAge = Duration.ofMillis(500);
        KeyState first = key.snapshot(t0, maxAge);
        key.update(s -> s.charged(2_000_000, 2_000_000));
        assertThat(key.snapshot(t0.plusMillis(499), maxAge)).isSameAs(first);
        assertThat(key.snapshot(t0.plusMillis(500), maxAge).usedInPeriodMicroCredits())
                .isEqualTo(2_000_000);
        assertThat(key.snapshot(t0, Duration.ZERO)).isSameAs(key.state());
    }

    @Test
    void disabledBeatsExpiredBeatsExhausted() {
        ApiKey key =
                key(ResetType.NONE, Expiration.SEVEN_DAYS, Instant.parse("2026-03-10T08:00:00Z"));
        key.update(s -> s.charged(1_000_000, 1_000_000).withEnabled(false));
        Instant late = key.expiresAt().plusSeconds(5);
        assertThat(key.statusOf(key.state(), late, 0)).isEqualTo(KeyStatus.DISABLED);
        key.update(s -> s.withEnabled(true));
        assertThat(key.statusOf(key.state(), late, 0)).isEqualTo(KeyStatus.EXPIRED);
        assertThat(key.statusOf(key.state(), key.expiresAt(), 0)).isEqualTo(KeyStatus.EXHAUSTED);
    }
}
