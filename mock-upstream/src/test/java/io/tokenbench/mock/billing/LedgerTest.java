package io.tokenbench.mock.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.clock.ResetCalendar;
import io.tokenbench.mock.clock.ResetType;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.Expiration;
import io.tokenbench.mock.keys.KeySpec;
import io.tokenbench.mock.keys.KeyStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final Instant T0 = Instant.parse("2026-03-10T23:00:00Z");
    private static final Instant AFTER_RESET = Instant.parse("2026-03-11T00:30:00Z");

    private ApiKey dailyKey(long limit) {
        return new KeyStore()
                .create(
                        new KeySpec("k", limit, ResetType.DAILY, Expiration.NONE),
                        T0,
                        ResetCalendar.UTC_MONDAY)
                .key();
    }

    @Test
    void settlementInTheSamePeriodAppliesTheDelta() {
        ApiKey key = dailyKey(10_000);
        Instant period = Ledger.reserveUnchecked(key, 3_000).periodStart();
        Instant attributed = Ledger.post(key, period, 3_000, 4_200, PeriodAttribution.SETTLEMENT);
        assertThat(attributed).isEqualTo(period);
        assertThat(key.state().usedInPeriodMicroCredits()).isEqualTo(4_200);
        assertThat(key.state().usedTotalMicroCredits()).isEqualTo(4_200);
    }

    @Test
    void refundReturnsTheReservation() {
        ApiKey key = dailyKey(10_000);
        Instant period = Ledger.reserveUnchecked(key, 3_000).periodStart();
        Ledger.post(key, period, 3_000, 0, PeriodAttribution.SETTLEMENT);
        assertThat(key.state().usedInPeriodMicroCredits()).isZero();
        assertThat(key.state().usedTotalMicroCredits()).isZero();
    }

    @Test
    void crossingAResetChargesTheSettlementPeriodByDefault() {
        ApiKey key = dailyKey(10_000);
        Instant admitted = Ledger.reserveUnchecked(key, 3_000).periodStart();
        key.applyDueReset(AFTER_RESET, ResetCalendar.UTC_MONDAY, Duration.ZERO);
        Instant attributed = Ledger.post(key, admitted, 3_000, 4_200, PeriodAttribution.SETTLEMENT);
        assertThat(attributed).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(key.state().usedInPeriodMicroCredits()).isEqualTo(4_200);
        assertThat(key.state().usedTotalMicroCredits()).isEqualTo(4_200);
    }

    @Test
    void crossingAResetWithAdmissionAttributionLeavesTheNewPeriodUntouched() {
        ApiKey key = dailyKey(10_000);
        Instant admitted = Ledger.reserveUnchecked(key, 3_000).periodStart();
        key.applyDueReset(AFTER_RESET, ResetCalendar.UTC_MONDAY, Duration.ZERO);
        Instant attributed = Ledger.post(key, admitted, 3_000, 4_200, PeriodAttribution.ADMISSION);
        assertThat(attributed).isEqualTo(admitted);
        assertThat(key.state().usedInPeriodMicroCredits()).isZero();
        assertThat(key.state().usedTotalMicroCredits()).isEqualTo(4_200);
        // A refund of an old-period reservation never credits the new period.
        Instant again = Ledger.reserveUnchecked(key, 100).periodStart();
        assertThat(again).isNotEqualTo(admitted);
        Ledger.post(key, admitted, 500, 0, PeriodAttribution.SETTLEMENT);
        assertThat(key.state().usedInPeriodMicroCredits()).isEqualTo(100);
    }

    @Test
    void tryReserveChecksAndReservesInOneStep() {
        ApiKey key = dailyKey(10_000);
        assertThat(Ledger.tryReserve(key, 6_000, -1).outcome())
                .isEqualTo(Ledger.ReserveOutcome.RESERVED);
        Ledger.ReserveResult second = Ledger.tryReserve(key, 6_000, -1);
        assertThat(second.outcome()).isEqualTo(Ledger.ReserveOutcome.INSUFFICIENT);
        assertThat(second.before().remainingMicroCredits()).isEqualTo(4_000);
        assertThat(Ledger.tryReserve(key, 4_000, -1).outcome())
                .isEqualTo(Ledger.ReserveOutcome.RESERVED);
        assertThat(Ledger.tryReserve(key, 0, -1).outcome())
                .isEqualTo(Ledger.ReserveOutcome.EXHAUSTED);
        assertThat(key.state().usedInPeriodMicroCredits()).isEqualTo(10_000);
        key.update(s -> s.withEnabled(false));
        assertThat(Ledger.tryReserve(key, 0, -1).outcome())
                .isEqualTo(Ledger.ReserveOutcome.DISABLED);
    }

    @Test
    void trustBypassReservesNothingAboveTheThreshold() {
        ApiKey key = dailyKey(10_000);
        Ledger.ReserveResult r = Ledger.tryReserve(key, 50_000, 5_000);
        assertThat(r.outcome()).isEqualTo(Ledger.ReserveOutcome.RESERVED);
        assertThat(r.reservedMicroCredits()).isZero();
        assertThat(key.state().usedInPeriodMicroCredits()).isZero();
    }
}
