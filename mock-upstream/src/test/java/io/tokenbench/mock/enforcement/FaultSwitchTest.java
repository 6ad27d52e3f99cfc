package io.tokenbench.mock.enforcement;

import static io.tokenbench.mock.enforcement.GateFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.clock.ResetType;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.Admission.Admitted;
import io.tokenbench.mock.gate.Admission.Rejected;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.keys.CreatedKey;
import io.tokenbench.mock.keys.Expiration;
import io.tokenbench.mock.platform.EnforcementProfile;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Each fault switch of key-limits.md, one at a time, against the same scenario without it. Requests
 * without {@code max_tokens} and 100 prompt tokens are estimated at 500 µC.
 */
class FaultSwitchTest {

    private static boolean admitted(Admission a) {
        return a instanceof Admitted;
    }

    /** Spends the 1 000 µC key down to zero with one request. */
    private static void exhaust(GateFixture f, CreatedKey k) {
        f.complete(k.secret(), 100, null, Usage.tokens(100, 450));
        assertThat(k.key().state().remainingMicroCredits()).isZero();
    }

    @Test
    void staleCacheLetsAnExhaustedKeyWorkUntilTheSnapshotAges() {
        GateFixture f = new GateFixture(GateFixture.profile("--stale-cache-ms", "1000"));
        CreatedKey k = f.limitedKey(1_000);
        exhaust(f, k);
        f.clock.advance(Duration.ofMillis(999));
        assertThat(admitted(f.admit(k.secret(), 100, null))).isTrue();
        f.clock.advance(Duration.ofMillis(1));
        assertThat(admitted(f.admit(k.secret(), 100, null))).isFalse();

        GateFixture control = new GateFixture(EnforcementProfile.DEFAULTS);
        CreatedKey c = control.limitedKey(1_000);
        exhaust(control, c);
        assertThat(admitted(control.admit(c.secret(), 100, null))).isFalse();
    }

    @Test
    void ledgerReadLagDelaysTheReadViewButNotAdmission() {
        GateFixture f = new GateFixture(GateFixture.profile("--ledger-read-lag", "2s"));
        CreatedKey k = f.limitedKey(1_000);
        exhaust(f, k);
        // The read view still shows the reservation (500), the ledger the cost (1 000).
        assertThat(f.platform.readView(k.key()).usedInPeriodMicroCredits()).isEqualTo(500);
        assertThat(f.platform.readView(k.key()).usedTotalMicroCredits()).isEqualTo(500);
        // Admission reads the ledger itself: the exhausted key is refused at once.
        assertThat(admitted(f.admit(k.secret(), 100, null))).isFalse();
        f.clock.advance(Duration.ofMillis(1_999));
        assertThat(f.platform.readView(k.key()).usedInPeriodMicroCredits()).isEqualTo(500);
        f.clock.advance(Duration.ofMillis(1));
        assertThat(f.platform.readView(k.key()).usedInPeriodMicroCredits()).isEqualTo(1_000);
        assertThat(f.platform.readView(k.key()).remainingMicroCredits()).isZero();
    }

    @Test
    void staleCacheWithReadLagAdmitsOnTheLaggingBalance() {
        GateFixture f =
                new GateFixture(
                        GateFixture.profile("--ledger-read-lag", "2s", "--stale-cache-ms", "100"));
        CreatedKey k = f.limitedKey(1_000);
        exhaust(f, k);
        // The cache has expired, but it is refilled from the lagging view (used 500): admitted.
        f.clock.advance(Duration.ofMillis(500));
        assertThat(admitted(f.admit(k.secret(), 100, null))).isTrue();
    }

    @Test
    void batchWriteAppliesSpendLate() {
        GateFixture f = new GateFixture(GateFixture.profile("--batch-write-ms", "5000"));
        CreatedKey k = f.limitedKey(1_000);
        f.complete(k.secret(), 100, null, Usage.tokens(100, 450));
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(500); // only the reservation
        assertThat(f.logCredits(k.key())).isEqualTo(1_000);
        f.clock.advance(Duration.ofMillis(4_999));
        f.platform.sweep();
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(500);
        f.clock.advance(Duration.ofMillis(1));
        f.platform.sweep();
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(1_000);
    }

    @Test
    void dropSettlementLeavesOnlyTheReservationInTheLedger() {
        GateFixture f = new GateFixture(GateFixture.profile("--drop-settlement", "1.0"));
        CreatedKey k = f.limitedKey(10_000);
        f.complete(k.secret(), 100, null, Usage.tokens(100, 450));
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(500);
        assertThat(f.logCredits(k.key())).isEqualTo(1_000);
    }

    @Test
    void doubleSettleAppliesTheDeltaTwice() {
        GateFixture f = new GateFixture(GateFixture.profile("--double-settle", "1.0"));
        CreatedKey k = f.limitedKey(10_000);
        f.complete(k.secret(), 100, null, Usage.tokens(100, 450));
        // reservation 500 + 2 × (1 000 − 500)
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(1_500);
        assertThat(f.logCredits(k.key())).isEqualTo(1_000);
    }

    @Test
    void noRefundOnErrorKeepsTheReservation() {
        GateFixture f = new GateFixture(GateFixture.profile("--no-refund-on-error", "true"));
        CreatedKey k = f.limitedKey(10_000);
        String id = f.nextId();
        Admission a = f.gate.admit(request(id, k.secret(), 100, 100, false));
        f.settle(a, id, Usage.NONE, Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(700);
        assertThat(f.logCredits(k.key())).isZero();
    }

    @Test
    void resetZoneShanghaiResetsAtFourPmUtc() {
        GateFixture f = new GateFixture(GateFixture.profile("--reset-zone", "Asia/Shanghai"));
        f.clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        CreatedKey k = f.key(1_000L, ResetType.DAILY, Expiration.NONE);
        exhaust(f, k);
        f.clock.set(Instant.parse("2026-03-10T15:59:59Z"));
        assertThat(admitted(f.admit(k.secret(), 1, 1))).isFalse();
        f.clock.set(Instant.parse("2026-03-10T16:00:00Z"));
        assertThat(admitted(f.admit(k.secret(), 1, 1))).isTrue();
        assertThat(k.key().state().periodStart()).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
    }

    @Test
    void resetWeekdaySundayResetsADayEarly() {
        GateFixture f = new GateFixture(GateFixture.profile("--reset-weekday", "sunday"));
        f.clock.set(Instant.parse("2026-03-12T10:00:00Z"));
        CreatedKey k = f.key(1_000L, ResetType.WEEKLY, Expiration.NONE);
        exhaust(f, k);
        f.clock.set(Instant.parse("2026-03-15T00:00:00Z")); // Sunday
        assertThat(admitted(f.admit(k.secret(), 1, 1))).isTrue();

        GateFixture control = new GateFixture(EnforcementProfile.DEFAULTS);
        control.clock.set(Instant.parse("2026-03-12T10:00:00Z"));
        CreatedKey c = control.key(1_000L, ResetType.WEEKLY, Expiration.NONE);
        exhaust(control, c);
        control.clock.set(Instant.parse("2026-03-15T00:00:00Z"));
        assertThat(admitted(control.admit(c.secret(), 1, 1))).isFalse();
    }

    @Test
    void resetLagKeepsTheKeyExhaustedPastTheBoundary() {
        GateFixture f = new GateFixture(GateFixture.profile("--reset-lag-ms", "60000"));
        f.clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        CreatedKey k = f.key(1_000L, ResetType.DAILY, Expiration.NONE);
        exhaust(f, k);
        f.clock.set(Instant.parse("2026-03-11T00:00:59Z"));
        assertThat(admitted(f.admit(k.secret(), 1, 1))).isFalse();
        f.clock.set(Instant.parse("2026-03-11T00:01:00Z"));
        assertThat(admitted(f.admit(k.secret(), 1, 1))).isTrue();
    }

    @Test
    void expiryOffByOneRejectsTheExactExpirySecond() {
        GateFixture f = new GateFixture(GateFixture.profile("--expiry-off-by-one", "-1"));
        CreatedKey k = f.key(null, ResetType.NONE, Expiration.THIRTY_DAYS);
        f.clock.set(GateFixture.T0.plusSeconds(2_592_000));
        assertThat(admitted(f.admit(k.secret(), 1, 1))).isFalse();
        f.clock.set(GateFixture.T0.plusSeconds(2_591_999));
        assertThat(admitted(f.admit(k.secret(), 1, 1))).isTrue();
    }

    @Test
    void trustBypassAdmitsRequestsBiggerThanTheRemainingAndReservesNothing() {
        GateFixture f = new GateFixture(GateFixture.profile("--trust-bypass", "0.001"));
        CreatedKey k = f.limitedKey(10_000);
        // estimate 500 + 2 × 20 000 = 40 500 > remaining 10 000 > trust threshold 1 000
        Admission a = f.admit(k.secret(), 100, 20_000);
        assertThat(a).isInstanceOf(Admitted.class);
        assertThat(((Admitted) a).reservedMicroCredits()).isZero();
        assertThat(k.key().state().usedInPeriodMicroCredits()).isZero();

        GateFixture control = new GateFixture(EnforcementProfile.DEFAULTS);
        assertThat(control.admit(control.limitedKey(10_000).secret(), 100, 20_000))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void failOpenAdmitsDisabledExpiredAndExhaustedKeys() {
        GateFixture f = new GateFixture(GateFixture.profile("--fail-open", "true"));
        CreatedKey k = f.key(1_000L, ResetType.NONE, Expiration.SEVEN_DAYS);
        exhaust(f, k);
        k.key().update(s -> s.withEnabled(false));
        f.clock.advance(Duration.ofDays(8));
        assertThat(admitted(f.admit(k.secret(), 100, 10_000))).isTrue();
        // Authentication still holds.
        assertThat(admitted(f.admit("sk-unknown", 1, 1))).isFalse();
    }
}
