package io.tokenbench.mock.enforcement;

import static io.tokenbench.mock.enforcement.GateFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.billing.UsageRow;
import io.tokenbench.mock.clock.ResetType;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.Admission.Admitted;
import io.tokenbench.mock.gate.Admission.Rejected;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.keys.CreatedKey;
import io.tokenbench.mock.keys.Expiration;
import io.tokenbench.mock.platform.EnforcementProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PowerTokensGateTest {

    private final GateFixture f = new GateFixture(EnforcementProfile.DEFAULTS);

    private static String body(Admission a) {
        return new String(((Rejected) a).jsonBody(), StandardCharsets.UTF_8);
    }

    @Test
    void missingTokenIs401InvalidTokenWithRequestIdHeader() {
        Admission a = f.gate.admit(request("r1", null, 10, null, true));
        assertThat(a).isInstanceOf(Rejected.class);
        assertThat(((Rejected) a).status()).isEqualTo(401);
        assertThat(((Rejected) a).headers()).containsEntry("X-Oneapi-Request-Id", "r1");
        assertThat(body(a))
                .isEqualTo(
                        "{\"error\":{\"message\":\"Invalid token (request id: r1)\",\"type\":\"new_api_error\",\"code\":\"\"}}");
    }

    @Test
    void unknownKeyIs401AndLeavesNoLogRow() {
        Admission a = f.gate.admit(request("r1", "sk-doesnotexist", 10, null, false));
        assertThat(((Rejected) a).status()).isEqualTo(401);
        assertThat(f.platform.log().query(null, null)).isEmpty();
    }

    @Test
    void disabledKeyIs401AndLogged() {
        CreatedKey k = f.limitedKey(10_000);
        k.key().update(s -> s.withEnabled(false));
        Admission a = f.admit(k.secret(), 10, null);
        assertThat(((Rejected) a).status()).isEqualTo(401);
        List<UsageRow> rows = f.platform.log().query(k.key().id(), null);
        assertThat(rows)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.status()).isEqualTo(401);
                            assertThat(r.cancelReason()).isEqualTo("disabled");
                            assertThat(r.creditsMicro()).isZero();
                        });
    }

    @Test
    void expiredKeyIsRejectedOnlyAfterTheExactExpirySecond() {
        CreatedKey k = f.key(null, ResetType.NONE, Expiration.SEVEN_DAYS);
        f.clock.set(GateFixture.T0.plusSeconds(604_800));
        assertThat(f.admit(k.secret(), 10, null)).isInstanceOf(Admitted.class);
        f.clock.set(GateFixture.T0.plusSeconds(604_801));
        Admission late = f.admit(k.secret(), 10, null);
        assertThat(((Rejected) late).status()).isEqualTo(401);
        assertThat(f.platform.log().query(k.key().id(), null))
                .last()
                .extracting(UsageRow::cancelReason)
                .isEqualTo("expired");
    }

    @Test
    void exhaustedKeyIs401() {
        CreatedKey k = f.limitedKey(1_000);
        f.complete(k.secret(), 100, null, Usage.tokens(100, 450));
        assertThat(k.key().state().remainingMicroCredits()).isEqualTo(0);
        Admission a = f.admit(k.secret(), 1, 1);
        assertThat(((Rejected) a).status()).isEqualTo(401);
        assertThat(f.platform.log().query(k.key().id(), null))
                .last()
                .extracting(UsageRow::cancelReason)
                .isEqualTo("exhausted");
    }

    @Test
    void unpricedModelIs403NoAccess() {
        CreatedKey k = f.limitedKey(10_000);
        Admission a =
                f.gate.admit(
                        new AdmissionRequest(
                                "r9",
                                k.secret(),
                                "/v1/chat/completions",
                                "other",
                                10,
                                OptionalInt.empty(),
                                false));
        assertThat(((Rejected) a).status()).isEqualTo(403);
        assertThat(body(a))
                .isEqualTo(
                        "{\"error\":{\"message\":\"This token has no access to model other (request id: r9)\",\"type\":\"new_api_error\",\"code\":\"\"}}");
    }

    @Test
    void preConsumeFailureIs403WithRemainingAndNeed() {
        CreatedKey k = f.limitedKey(600);
        Admission a = f.gate.admit(request("r7", k.secret(), 100, 100, true));
        assertThat(((Rejected) a).status()).isEqualTo(403);
        assertThat(body(a))
                .isEqualTo(
                        "{\"error\":{\"message\":\"token quota is not enough, token remain quota: 0.000600, "
                                + "need quota: 0.000700 (request id: r7)\",\"type\":\"new_api_error\",\"param\":\"\","
                                + "\"code\":\"pre_consume_token_quota_failed\"}}");
        assertThat(k.key().state().usedInPeriodMicroCredits()).isZero();
    }

    @Test
    void admissionReservesTheEstimateAndSettlementAppliesTheDelta() {
        CreatedKey k = f.limitedKey(10_000);
        String id = f.nextId();
        Admission a = f.gate.admit(request(id, k.secret(), 100, 100, false));
        assertThat(a)
                .isEqualTo(new Admitted(k.key().idString(), "test-key", 700, Integer.MAX_VALUE));
        assertThat(k.key().state().usedInPeriodMicroCredits()).isEqualTo(700);
        f.settle(a, id, Usage.tokens(100, 30), Settlement.End.COMPLETED);
        assertThat(k.key().state().usedInPeriodMicroCredits()).isEqualTo(160);
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(160);
        assertThat(f.logCredits(k.key())).isEqualTo(160);
        assertThat(f.gate.inFlight()).isZero();
    }

    @Test
    void settleIsIdempotentPerRequestId() {
        CreatedKey k = f.limitedKey(10_000);
        String id = f.nextId();
        Admission a = f.gate.admit(request(id, k.secret(), 100, 100, false));
        f.settle(a, id, Usage.tokens(100, 30), Settlement.End.COMPLETED);
        f.settle(a, id, Usage.tokens(100, 30), Settlement.End.COMPLETED);
        f.settle(a, id, Usage.NONE, Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(160);
        assertThat(f.platform.log().query(k.key().id(), null)).hasSize(1);
    }

    @Test
    void upstreamErrorBeforeFirstByteRefundsTheReservation() {
        CreatedKey k = f.limitedKey(10_000);
        String id = f.nextId();
        Admission a = f.gate.admit(request(id, k.secret(), 100, 100, false));
        f.settle(a, id, Usage.tokens(100, 0), Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE);
        assertThat(k.key().state().usedInPeriodMicroCredits()).isZero();
        assertThat(f.platform.log().query(k.key().id(), null))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.creditsMicro()).isZero();
                            assertThat(r.cancelReason())
                                    .isEqualTo("upstream_error_before_first_byte");
                        });
    }

    @Test
    void midResponseErrorIsBilledAsEmitted() {
        CreatedKey k = f.limitedKey(10_000);
        String id = f.nextId();
        Admission a = f.gate.admit(request(id, k.secret(), 100, 100, false));
        f.settle(a, id, Usage.tokens(100, 10), Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(120);
    }

    @Test
    void clientCancelIsBilledPerCancelBilling() {
        long[] expected = {100 + 2 * 10, 0, 100, 100 + 2 * 100};
        String[] modes = {"tokens_emitted", "zero", "input_only", "full"};
        for (int i = 0; i < modes.length; i++) {
            GateFixture g = new GateFixture(GateFixture.profile("--cancel-billing", modes[i]));
            CreatedKey k = g.limitedKey(10_000);
            String id = g.nextId();
            Admission a = g.gate.admit(request(id, k.secret(), 100, 100, true));
            g.settle(a, id, Usage.tokens(100, 10), Settlement.End.CLIENT_CANCELLED);
            assertThat(k.key().state().usedTotalMicroCredits()).as(modes[i]).isEqualTo(expected[i]);
            assertThat(g.logCredits(k.key())).as(modes[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void unlimitedKeysReserveNothingAndAreNeverRejected() {
        CreatedKey k = f.key(null, ResetType.DAILY, Expiration.NONE);
        for (int i = 0; i < 5; i++) {
            f.complete(k.secret(), 1_000_000, 1_000_000, Usage.tokens(1_000_000, 1_000_000));
        }
        String id = f.nextId();
        Admission a = f.gate.admit(request(id, k.secret(), 10, 10, false));
        assertThat(a).isEqualTo(Admitted.unlimited(k.key().idString(), "test-key"));
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(5 * 3_000_000L);
    }

    @Test
    void withoutMaxTokensOneRequestCanOvershootAndTheBalanceGoesNegative() {
        CreatedKey k = f.limitedKey(1_000);
        f.complete(k.secret(), 100, null, Usage.tokens(100, 2_000));
        assertThat(k.key().state().remainingMicroCredits()).isEqualTo(1_000 - 4_100);
        assertThat(((Rejected) f.admit(k.secret(), 1, null)).status()).isEqualTo(401);
    }

    @Test
    void requestCrossingAResetIsChargedToTheSettlementPeriod() {
        f.clock.set(Instant.parse("2026-03-10T23:59:00Z"));
        CreatedKey k = f.key(10_000L, ResetType.DAILY, Expiration.NONE);
        f.complete(k.secret(), 100, null, Usage.tokens(100, 0));
        String id = f.nextId();
        Admission a = f.gate.admit(request(id, k.secret(), 100, 100, true));
        f.clock.advance(Duration.ofMinutes(2));
        f.settle(a, id, Usage.tokens(100, 50), Settlement.End.COMPLETED);
        assertThat(k.key().state().periodStart()).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(k.key().state().usedInPeriodMicroCredits()).isEqualTo(200);
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(300);
        assertThat(f.periodLogCredits(k.key())).isEqualTo(200);
        assertThat(f.logCredits(k.key())).isEqualTo(300);
    }

    @Test
    void requestCrossingAResetIsChargedToTheAdmissionPeriodWhenSwitched() {
        GateFixture g = new GateFixture(GateFixture.profile("--period-attribution", "admission"));
        g.clock.set(Instant.parse("2026-03-10T23:59:00Z"));
        CreatedKey k = g.key(10_000L, ResetType.DAILY, Expiration.NONE);
        String id = g.nextId();
        Admission a = g.gate.admit(request(id, k.secret(), 100, 100, true));
        g.clock.advance(Duration.ofMinutes(2));
        g.settle(a, id, Usage.tokens(100, 50), Settlement.End.COMPLETED);
        assertThat(k.key().state().usedInPeriodMicroCredits()).isZero();
        assertThat(k.key().state().usedTotalMicroCredits()).isEqualTo(200);
        assertThat(g.platform.log().query(k.key().id(), null))
                .singleElement()
                .extracting(UsageRow::periodStart)
                .isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    }

    @Test
    void resetIsAppliedLazilyOnAdmissionSoAnExhaustedKeyWorksAgainAtTheBoundary() {
        f.clock.set(Instant.parse("2026-03-15T12:00:00Z"));
        CreatedKey k = f.key(1_000L, ResetType.WEEKLY, Expiration.NONE);
        f.complete(k.secret(), 100, null, Usage.tokens(100, 1_000));
        f.clock.set(Instant.parse("2026-03-15T23:59:59Z"));
        assertThat(f.admit(k.secret(), 1, 1)).isInstanceOf(Rejected.class);
        f.clock.set(Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(f.admit(k.secret(), 1, 1)).isInstanceOf(Admitted.class);
    }

    @Test
    void cutoffCapsOutputAtWhatTheKeyHasLeft() {
        GateFixture g = new GateFixture(GateFixture.profile("--cutoff", "true"));
        CreatedKey k = g.limitedKey(10_000);
        Admitted a = (Admitted) g.gate.admit(request("c1", k.secret(), 100, 100, true));
        // (10 000 − 100 × 1) / 2 = 4 950 output tokens.
        assertThat(a.outputTokenCap()).isEqualTo(4_950);
        Admitted defaults =
                (Admitted)
                        f.gate.admit(request("c2", f.limitedKey(10_000).secret(), 100, 100, true));
        assertThat(defaults.outputTokenCap()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void newapiStyleSendsTheRequestIdHeaderOnAdmittedResponsesToo() {
        assertThat(f.gate.responseHeaders("abc")).containsEntry("X-Oneapi-Request-Id", "abc");
        GateFixture openai = new GateFixture(GateFixture.profile("--error-style", "openai"));
        assertThat(openai.gate.responseHeaders("abc")).isEmpty();
    }
}
