package io.tokenbench.mock.enforcement;

import io.tokenbench.mock.behavior.RequestSeed;
import io.tokenbench.mock.billing.CostCalculator;
import io.tokenbench.mock.billing.Ledger;
import io.tokenbench.mock.billing.Reservation;
import io.tokenbench.mock.billing.UsageRow;
import io.tokenbench.mock.catalog.ModelPrice;
import io.tokenbench.mock.catalog.PriceList;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.Admission.Admitted;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.KeyState;
import io.tokenbench.mock.platform.ConcurrencyMode;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.ErrorStyle;
import io.tokenbench.mock.platform.PlatformState;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faithful PowerTokens gate (key-limits.md): admission in the documented order (token, key
 * status, model, pre-consume, concurrency mode), settlement from final usage with refunds and
 * cancel billing, lazy resets, one usage-log row per request, and every fault switch of the current
 * {@link EnforcementProfile}.
 *
 * <p>Thread-safe and non-blocking: key lookup in a {@link ConcurrentHashMap}, ledger changes by
 * compare-and-set, no locks, no I/O.
 */
public final class PowerTokensGate implements RequestGate {

    private final PriceList prices;
    private final PlatformState platform;
    private final ConcurrentHashMap<String, Reservation> inFlight = new ConcurrentHashMap<>();

    /**
     * Runs between check and reservation in check_then_act; tests widen the race window with it.
     */
    private final Runnable betweenCheckAndReserve;

    /** Seeds the settlement fault switches: the same seed and request ids give the same draws. */
    private final long faultSeed;

    /** The mock's default seed, for gates built without one. */
    public static final long DEFAULT_FAULT_SEED = 42;

    public PowerTokensGate(PriceList prices, PlatformState platform) {
        this(prices, platform, DEFAULT_FAULT_SEED);
    }

    /**
     * @param faultSeed the mock's {@code --seed}: whether {@code --drop-settlement} or {@code
     *     --double-settle} hits a request is a pure function of it and the request id, whatever
     *     thread settles
     */
    public PowerTokensGate(PriceList prices, PlatformState platform, long faultSeed) {
        this(prices, platform, () -> {}, faultSeed);
    }

    PowerTokensGate(PriceList prices, PlatformState platform, Runnable betweenCheckAndReserve) {
        this(prices, platform, betweenCheckAndReserve, DEFAULT_FAULT_SEED);
    }

    PowerTokensGate(
            PriceList prices,
            PlatformState platform,
            Runnable betweenCheckAndReserve,
            long faultSeed) {
        this.faultSeed = faultSeed;
        this.prices = Objects.requireNonNull(prices, "prices");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.betweenCheckAndReserve =
                Objects.requireNonNull(betweenCheckAndReserve, "betweenCheckAndReserve");
    }

    /**
     * Headers every response to {@code requestId} carries in the current error style (new-api sends
     * {@code X-Oneapi-Request-Id}); the HTTP layer adds them to admitted responses too.
     */
    @Override
    public Map<String, String> responseHeaders(String requestId) {
        return platform.profile().errorStyle() == ErrorStyle.NEWAPI
                ? Map.of(RejectionRenderer.REQUEST_ID_HEADER, requestId)
                : Map.of();
    }

    @Override
    public Admission admit(AdmissionRequest request) {
        EnforcementProfile p = platform.profile();
        Instant now = platform.clock().instant();
        RejectionDetails bare = RejectionDetails.of(request.requestId(), request.model(), now);
        if (request.bearerToken() == null || request.bearerToken().isEmpty()) {
            return reject(p, RejectionReason.MISSING_TOKEN, bare, null, request);
        }
        Optional<ApiKey> found = platform.keys().findBySecret(request.bearerToken());
        if (found.isEmpty()) {
            return reject(p, RejectionReason.UNKNOWN_KEY, bare, null, request);
        }
        ApiKey key = found.get();
        platform.deferred().flushDue(now);
        key.applyDueReset(now, p.calendar(), p.resetLag());
        // Routes without a model (GET /v1/models) are authenticated and status-checked, never
        // priced.
        Optional<ModelPrice> price =
                request.model() == null
                        ? Optional.of(ModelPrice.FREE)
                        : prices.priceOf(request.model());
        if (p.failOpen()) {
            return admitted(request, key, 0, Integer.MAX_VALUE, key.state().periodStart(), now);
        }
        KeyState seen =
                p.concurrency() == ConcurrencyMode.CHECK_THEN_ACT
                        ? key.snapshot(now, p.staleCache())
                        : key.state();
        if (!p.staleCache().isZero()) {
            // A cache filled from the lagging read view: stale_cache_ms combined with
            // ledger_read_lag.
            seen = platform.readLag().visible(key, seen, now);
        }
        RejectionDetails details =
                new RejectionDetails(
                        request.requestId(),
                        request.model(),
                        seen.remainingMicroCredits(),
                        0,
                        seen.limitMicroCredits(),
                        key.expiresAt(),
                        now);
        if (!seen.enabled()) {
            return reject(p, RejectionReason.DISABLED, details, key, request);
        }
        if (key.isExpired(now, p.expiryOffByOneSeconds())) {
            return reject(p, RejectionReason.EXPIRED, details, key, request);
        }
        if (seen.exhausted()) {
            return reject(p, RejectionReason.EXHAUSTED, details, key, request);
        }
        if (price.isEmpty()) {
            return reject(p, RejectionReason.MODEL_FORBIDDEN, details, key, request);
        }
        long estimate =
                CostCalculator.estimateMicroCredits(
                        price.get(),
                        request.promptTokens(),
                        request.maxOutputTokens(),
                        p.rounding());
        RejectionDetails insufficient =
                new RejectionDetails(
                        request.requestId(),
                        request.model(),
                        seen.remainingMicroCredits(),
                        estimate,
                        seen.limitMicroCredits(),
                        key.expiresAt(),
                        now);
        return p.concurrency() == ConcurrencyMode.CHECK_THEN_ACT
                ? checkThenAct(p, request, key, seen, price.get(), estimate, insufficient, now)
                : atomic(p, request, key, price.get(), estimate, now);
    }

    private Admission checkThenAct(
            EnforcementProfile p,
            AdmissionRequest request,
            ApiKey key,
            KeyState seen,
            ModelPrice price,
            long estimate,
            RejectionDetails insufficient,
            Instant now) {
        if (seen.unlimited()) {
            return admitted(request, key, 0, Integer.MAX_VALUE, key.state().periodStart(), now);
        }
        long trust = p.trustThresholdOrNegative();
        boolean trusted = trust >= 0 && seen.remainingMicroCredits() > trust;
        if (!trusted && seen.remainingMicroCredits() < estimate) {
            return reject(p, RejectionReason.PRE_CONSUME_FAILED, insufficient, key, request);
        }
        long reserve = trusted ? 0 : estimate;
        // The race is the point: the check above used a snapshot; other requests may reserve in
        // between.
        betweenCheckAndReserve.run();
        KeyState after = Ledger.reserveUnchecked(key, reserve);
        return admitted(
                request, key, reserve, cap(p, price, request, seen), after.periodStart(), now);
    }

    private Admission atomic(
            EnforcementProfile p,
            AdmissionRequest request,
            ApiKey key,
            ModelPrice price,
            long estimate,
            Instant now) {
        Ledger.ReserveResult result =
                Ledger.tryReserve(key, estimate, p.trustThresholdOrNegative());
        KeyState before = result.before();
        RejectionDetails details =
                new RejectionDetails(
                        request.requestId(),
                        request.model(),
                        before.remainingMicroCredits(),
                        estimate,
                        before.limitMicroCredits(),
                        key.expiresAt(),
                        now);
        return switch (result.outcome()) {
            case RESERVED ->
                    admitted(
                            request,
                            key,
                            result.reservedMicroCredits(),
                            before.unlimited() ? Integer.MAX_VALUE : cap(p, price, request, before),
                            before.periodStart(),
                            now);
            case DISABLED -> reject(p, RejectionReason.DISABLED, details, key, request);
            case EXHAUSTED -> reject(p, RejectionReason.EXHAUSTED, details, key, request);
            case INSUFFICIENT ->
                    reject(p, RejectionReason.PRE_CONSUME_FAILED, details, key, request);
        };
    }

    /**
     * The {@code cutoff} switch: output tokens that fit in what the key had left; uncapped
     * otherwise.
     */
    private static int cap(
            EnforcementProfile p, ModelPrice price, AdmissionRequest request, KeyState seen) {
        if (!p.cutoff() || seen.unlimited()) {
            return Integer.MAX_VALUE;
        }
        return CostCalculator.outputTokensWithin(
                price, request.promptTokens(), seen.remainingMicroCredits());
    }

    private Admitted admitted(
            AdmissionRequest request,
            ApiKey key,
            long reserved,
            int cap,
            Instant periodStart,
            Instant now) {
        inFlight.put(
                request.requestId(),
                new Reservation(
                        request.requestId(),
                        key.id(),
                        reserved,
                        periodStart,
                        now,
                        request.promptTokens(),
                        request.maxOutputTokens()));
        return new Admitted(key.idString(), key.name(), reserved, cap);
    }

    private Admission reject(
            EnforcementProfile p,
            RejectionReason reason,
            RejectionDetails details,
            ApiKey key,
            AdmissionRequest request) {
        Admission.Rejected rejected = RejectionRenderer.render(p.errorStyle(), reason, details);
        if (key != null) {
            record(
                    new UsageRow(
                            details.now(),
                            request.requestId(),
                            key.id(),
                            key.name(),
                            request.model(),
                            request.endpoint(),
                            0,
                            0,
                            0,
                            request.stream(),
                            rejected.status(),
                            reason.wireName(),
                            key.state().periodStart()));
        }
        return rejected;
    }

    @Override
    public void settle(Settlement settlement) {
        Reservation r = inFlight.remove(settlement.requestId());
        if (r == null) {
            return; // settled already (idempotent) or never admitted
        }
        EnforcementProfile p = platform.profile();
        Instant now = platform.clock().instant();
        ModelPrice price =
                settlement.model() == null
                        ? ModelPrice.FREE
                        : prices.priceOf(settlement.model()).orElse(ModelPrice.FREE);
        Usage billable =
                switch (settlement.end()) {
                    case COMPLETED, UPSTREAM_ERROR_MID_RESPONSE -> settlement.usage();
                    case CLIENT_CANCELLED ->
                            p.cancelBilling().billable(settlement.usage(), r.maxOutputTokens());
                    case UPSTREAM_ERROR_BEFORE_FIRST_BYTE -> Usage.NONE;
                };
        long cost = CostCalculator.costMicroCredits(price, billable, p.rounding());
        boolean keepReservation =
                settlement.end() == Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE
                        && p.noRefundOnError();
        long ledgerCharge = keepReservation ? r.reservedMicroCredits() : cost;
        Instant period = r.periodStart();
        Optional<ApiKey> found = platform.keys().findById(r.keyId());
        if (found.isPresent()) {
            period = post(p, found.get(), r, ledgerCharge, now);
        }
        record(
                new UsageRow(
                        now,
                        settlement.requestId(),
                        r.keyId(),
                        settlement.admitted().keyName(),
                        settlement.model(),
                        settlement.endpoint(),
                        billable.promptTokens(),
                        billable.completionTokens(),
                        cost,
                        settlement.stream(),
                        settlement.status(),
                        cancelReason(settlement.end()),
                        period));
    }

    /**
     * Applies the charge with the settlement faults; returns the period the row is attributed to.
     */
    private Instant post(
            EnforcementProfile p, ApiKey key, Reservation r, long chargeMicroCredits, Instant now) {
        platform.deferred().flushDue(now);
        key.applyDueReset(now, p.calendar(), p.resetLag());
        if (chance(p.dropSettlementProbability(), r.requestId(), DROP_SALT)) {
            return Ledger.attributedPeriod(key, r.periodStart(), p.periodAttribution());
        }
        int times = chance(p.doubleSettleProbability(), r.requestId(), DOUBLE_SALT) ? 2 : 1;
        if (!p.batchWrite().isZero()) {
            platform.deferred()
                    .defer(
                            now.plus(p.batchWrite()),
                            () -> {
                                for (int i = 0; i < times; i++) {
                                    Ledger.post(
                                            key,
                                            r.periodStart(),
                                            r.reservedMicroCredits(),
                                            chargeMicroCredits,
                                            p.periodAttribution());
                                }
                            });
            return Ledger.attributedPeriod(key, r.periodStart(), p.periodAttribution());
        }
        Instant attributed =
                Ledger.post(
                        key,
                        r.periodStart(),
                        r.reservedMicroCredits(),
                        chargeMicroCredits,
                        p.periodAttribution());
        if (times == 2) {
            Ledger.post(
                    key,
                    r.periodStart(),
                    r.reservedMicroCredits(),
                    chargeMicroCredits,
                    p.periodAttribution());
        }
        long delta = times * (chargeMicroCredits - r.reservedMicroCredits());
        platform.readLag().record(key, p.ledgerReadLag(), now, attributed, delta, delta);
        return attributed;
    }

    private static final long DROP_SALT = 0x5DEECE66DL;
    private static final long DOUBLE_SALT = 0x2545F4914F6CDD1DL;

    /**
     * A draw in [0, 1) from the fault seed, the request id and a per-switch salt, compared with
     * {@code probability}: reproducible per seed, independent of threads and arrival order.
     */
    boolean chance(double probability, String requestId, long salt) {
        if (probability <= 0) {
            return false;
        }
        if (probability >= 1.0) {
            return true;
        }
        long bits = RequestSeed.mix(faultSeed ^ RequestSeed.mix(requestId.hashCode() + salt));
        return (bits >>> 11) * 0x1.0p-53 < probability;
    }

    private static String cancelReason(Settlement.End end) {
        return switch (end) {
            case COMPLETED -> null;
            case CLIENT_CANCELLED -> "client_cancelled";
            case UPSTREAM_ERROR_BEFORE_FIRST_BYTE -> "upstream_error_before_first_byte";
            case UPSTREAM_ERROR_MID_RESPONSE -> "upstream_error_mid_response";
        };
    }

    private void record(UsageRow row) {
        platform.log().append(row);
        platform.stats().record(row);
    }

    /** Admitted requests not yet settled. */
    public int inFlight() {
        return inFlight.size();
    }

    /** The state this gate admits against (shared with the admin API). */
    public PlatformState platform() {
        return platform;
    }
}
