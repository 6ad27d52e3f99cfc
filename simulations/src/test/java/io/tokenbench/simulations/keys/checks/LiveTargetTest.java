package io.tokenbench.simulations.keys.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.GatewayClient;
import io.tokenbench.simulations.keys.http.Secret;
import io.tokenbench.simulations.keys.http.UsageProbe;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A live gateway as target (no sockets: nothing here may send a request): what needs the mock is
 * refused with a reason that becomes the check's not_checked reason; the user's keys are used in
 * the matrix's order, never created.
 */
class LiveTargetTest {
    /**
     * Nothing listens there; a check that sent traffic would get transport errors, not refusals.
     */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private static KeyHandle key(String label) {
        return new KeyHandle(label, Secret.of("sk-test-not-a-real-key-" + label), null, 1000L);
    }

    private static LiveTarget target(List<KeyHandle> keys, Optional<KeyHandle> unlimited) {
        return new LiveTarget(
                new UsageProbe(NOWHERE), keys, Map.of(), unlimited, Optional.of("daily"));
    }

    private static Findings findings(Target target) {
        VerifyContext ctx =
                new VerifyContext(
                        new GatewayClient(NOWHERE, Duration.ofSeconds(1)),
                        new UsageProbe(NOWHERE),
                        target,
                        new CreditPrice(BigDecimal.ONE, BigDecimal.ONE),
                        new ChatProbe("m", "p", false, null, 0, Map.of()),
                        VerifySettings.defaults());
        return new Findings(
                ctx,
                new LimitMatrix.Result(List.of(), List.of(), Optional.empty()),
                Optional.empty(),
                new FalseRejectionCheck.UnlimitedRun(0, 0, 0, List.of()),
                PropagationLag.notMeasured("none"));
    }

    @Test
    void mockOnlyOperationsAreRefusedWithTheReasonGiven() {
        LiveTarget live = target(List.of(key("a")), Optional.empty());
        assertThatThrownBy(() -> live.admin("needs the mock's clock"))
                .isInstanceOf(NotCheckable.class)
                .hasMessage("needs the mock's clock");
        assertThatThrownBy(() -> live.createKey("refund", 1000L, "none", "none"))
                .isInstanceOf(NotCheckable.class)
                .hasMessageContaining("never creates keys");
    }

    @Test
    void checksThatNeedTheMockAreNotCheckedWithTheirReason() {
        Findings f = findings(target(List.of(key("a"), key("b")), Optional.empty()));
        CheckResult refund = KeysVerifier.run(new RefundCheck(), f);
        assertThat(refund.verdict()).isEqualTo(Verdict.NOT_CHECKED);
        assertThat(refund.summary()).contains("upstream errors cannot be provoked");
        CheckResult expiry = KeysVerifier.run(new ExpiryCheck(), f);
        assertThat(expiry.verdict()).isEqualTo(Verdict.NOT_CHECKED);
        assertThat(expiry.summary()).contains("needs the mock's clock");
        CheckResult reset = KeysVerifier.run(f.ctx().target().resetCheck(), f);
        assertThat(reset.verdict()).isEqualTo(Verdict.NOT_CHECKED);
        assertThat(reset.summary()).contains("--wait-for-reset");
        CheckResult cancel = KeysVerifier.run(new CancelBillingCheck(), f);
        assertThat(cancel.verdict()).isEqualTo(Verdict.NOT_CHECKED);
        assertThat(cancel.summary()).contains("--unlimited-key-env");
    }

    @Test
    void theUsersKeysGoToTheFirstCellsAndTheRestSayWhy() {
        LiveTarget live = target(List.of(key("a"), key("b")), Optional.empty());
        List<Cell> cells = LimitMatrix.cells(VerifySettings.defaults());
        Map<Cell, KeyHandle> keys = live.matrixKeys(cells, Optional.empty());
        assertThat(keys.keySet()).containsExactly(cells.get(0), cells.get(1));
        assertThat(keys.get(cells.get(0)).label()).isEqualTo("a");
        assertThat(keys.get(cells.get(1)).label()).isEqualTo("b");
        assertThat(live.whyNoKey(cells.size())).contains("2 --key-env key(s) for 16 cells");
    }

    @Test
    void theKeyWithRoomIsTheUsersOwnAndNothingElseIsMade() {
        KeyHandle unlimited = new KeyHandle("u", Secret.of("sk-test-not-a-real-key-u"), null, null);
        LiveTarget live = target(List.of(key("a")), Optional.of(unlimited));
        assertThat(live.unlimitedKey()).contains(unlimited);
        assertThat(live.cancelKey(Optional.of(unlimited))).contains(unlimited);
        assertThat(live.preConsumeKey(Optional.empty())).isEmpty();
        assertThat(live.calibrate(findings(live).ctx())).isEmpty();
        ChatProbe stream = new ChatProbe("m", "p", true, 16, 5, Map.of());
        assertThat(live.slowStream(stream)).isEqualTo(stream);
    }
}
