package io.tokenbench.mock.enforcement;

import io.tokenbench.mock.billing.UsageLog;
import io.tokenbench.mock.billing.UsageRow;
import io.tokenbench.mock.catalog.ModelPrice;
import io.tokenbench.mock.catalog.PriceList;
import io.tokenbench.mock.clock.EmulatorClock;
import io.tokenbench.mock.clock.ResetType;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.CreatedKey;
import io.tokenbench.mock.keys.Expiration;
import io.tokenbench.mock.keys.KeySpec;
import io.tokenbench.mock.keys.KeyStore;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.PlatformState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A gate on a frozen emulator clock with one priced model: {@code m} costs 1 micro-Credit per input
 * token and 2 per output token, so a request with 100 prompt tokens and {@code max_tokens} 100 is
 * estimated at 500 × 1 + 100 × 2 = 700 micro-Credits.
 */
final class GateFixture {

    static final String MODEL = "m";
    static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    static final ModelPrice PRICE =
            new ModelPrice(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.ZERO, BigDecimal.ZERO);
    static final PriceList PRICES =
            model -> MODEL.equals(model) ? Optional.of(PRICE) : Optional.empty();

    final EmulatorClock clock = EmulatorClock.frozenAt(T0);
    final PlatformState platform;
    final PowerTokensGate gate;
    private int nextRequest;

    GateFixture(EnforcementProfile profile) {
        this(profile, () -> {});
    }

    GateFixture(EnforcementProfile profile, Runnable betweenCheckAndReserve) {
        this(profile, betweenCheckAndReserve, PowerTokensGate.DEFAULT_FAULT_SEED);
    }

    GateFixture(EnforcementProfile profile, long faultSeed) {
        this(profile, () -> {}, faultSeed);
    }

    private GateFixture(
            EnforcementProfile profile, Runnable betweenCheckAndReserve, long faultSeed) {
        platform = new PlatformState(new KeyStore(), clock, profile, new UsageLog());
        gate = new PowerTokensGate(PRICES, platform, betweenCheckAndReserve, faultSeed);
    }

    CreatedKey key(Long limitMicroCredits, ResetType reset, Expiration expiration) {
        return platform.keys()
                .create(
                        new KeySpec("test-key", limitMicroCredits, reset, expiration),
                        clock.instant(),
                        platform.profile().calendar());
    }

    CreatedKey limitedKey(long limitMicroCredits) {
        return key(limitMicroCredits, ResetType.NONE, Expiration.NONE);
    }

    synchronized String nextId() {
        return "req-" + (++nextRequest);
    }

    static AdmissionRequest request(
            String id, String secret, int promptTokens, Integer maxTokens, boolean stream) {
        return new AdmissionRequest(
                id,
                secret,
                "/v1/chat/completions",
                MODEL,
                promptTokens,
                maxTokens == null ? OptionalInt.empty() : OptionalInt.of(maxTokens),
                stream);
    }

    Admission admit(String secret, int promptTokens, Integer maxTokens) {
        return gate.admit(request(nextId(), secret, promptTokens, maxTokens, false));
    }

    void settle(Admission admission, String requestId, Usage usage, Settlement.End end) {
        Admission.Admitted a = (Admission.Admitted) admission;
        gate.settle(
                new Settlement(
                        requestId, a, "/v1/chat/completions", MODEL, false, 200, usage, end));
    }

    /** Admits and completes one request; returns the request id. */
    String complete(String secret, int promptTokens, Integer maxTokens, Usage usage) {
        String id = nextId();
        Admission admission = gate.admit(request(id, secret, promptTokens, maxTokens, false));
        settle(admission, id, usage, Settlement.End.COMPLETED);
        return id;
    }

    long logCredits(ApiKey key) {
        return platform.log().query(key.id(), null).stream()
                .mapToLong(UsageRow::creditsMicro)
                .sum();
    }

    long periodLogCredits(ApiKey key) {
        Instant period = key.state().periodStart();
        return platform.log().query(key.id(), null).stream()
                .filter(r -> r.periodStart().equals(period))
                .mapToLong(UsageRow::creditsMicro)
                .sum();
    }

    static EnforcementProfile profile(String... settings) {
        return io.tokenbench.mock.cli.CommandLines.profile(settings);
    }
}
