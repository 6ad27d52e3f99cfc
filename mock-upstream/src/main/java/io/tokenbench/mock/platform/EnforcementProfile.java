package io.tokenbench.mock.platform;

import io.tokenbench.mock.behavior.Dist;
import io.tokenbench.mock.billing.CancelBilling;
import io.tokenbench.mock.billing.PeriodAttribution;
import io.tokenbench.mock.billing.Rounding;
import io.tokenbench.mock.clock.ResetCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Every switch of key-limits.md, immutable; {@link #DEFAULTS} is the faithful new-api-like profile
 * and the one home of defaults. Swapped as a whole at run time ({@link
 * PlatformState#replaceProfile}).
 *
 * @param concurrency check_then_act (default) or atomic
 * @param errorStyle newapi (default), openai, openrouter, litellm
 * @param cancelBilling what a client disconnect is billed
 * @param rounding how a request's exact cost becomes micro-Credits
 * @param resetZone the zone of reset boundaries (UTC; a fault when changed)
 * @param resetWeekday the first day of a weekly period (Monday; a fault when changed)
 * @param resetLag resets applied this late (fault)
 * @param expiryOffByOneSeconds shifts the expiry check by this many seconds (fault; 0 is correct)
 * @param periodAttribution where a request crossing a boundary is charged
 * @param cutoff end streams with {@code finish_reason: "length"} at the key's remaining
 * @param staleCache check_then_act reads a key snapshot up to this old (fault)
 * @param batchWrite settlements reach the ledger this late (fault)
 * @param dropSettlementProbability share of settlements never applied to the ledger (fault)
 * @param doubleSettleProbability share of settlements applied twice (fault)
 * @param noRefundOnError an upstream error before the first byte keeps the reservation (fault)
 * @param trustBypassAboveMicroCredits keys whose remaining exceeds this reserve nothing and skip
 *     the pre-consume check; {@code null} = off (fault)
 * @param failOpen status, expiry and limits are not enforced at all (fault)
 * @param ledgerReadLag settlements reach the ledger's read views (usage endpoint, admin key view)
 *     this much later, drawn per settlement ({@link LedgerReadLag}); 0 = at once. Eventual
 *     consistency, not a fault by itself
 * @param usageReportsGranted the usage endpoint reports {@code total_granted} (new-api does; false
 *     plays a gateway that omits it)
 */
public record EnforcementProfile(
        ConcurrencyMode concurrency,
        ErrorStyle errorStyle,
        CancelBilling cancelBilling,
        Rounding rounding,
        ZoneId resetZone,
        DayOfWeek resetWeekday,
        Duration resetLag,
        long expiryOffByOneSeconds,
        PeriodAttribution periodAttribution,
        boolean cutoff,
        Duration staleCache,
        Duration batchWrite,
        double dropSettlementProbability,
        double doubleSettleProbability,
        boolean noRefundOnError,
        Long trustBypassAboveMicroCredits,
        boolean failOpen,
        Dist ledgerReadLag,
        boolean usageReportsGranted) {

    /** No read lag. */
    public static final Dist NO_LAG = new Dist.Constant(0, "0");

    public static final EnforcementProfile DEFAULTS =
            new EnforcementProfile(
                    ConcurrencyMode.CHECK_THEN_ACT,
                    ErrorStyle.NEWAPI,
                    CancelBilling.TOKENS_EMITTED,
                    Rounding.HALF_AWAY_FROM_ZERO,
                    ZoneId.of("UTC"),
                    DayOfWeek.MONDAY,
                    Duration.ZERO,
                    0,
                    PeriodAttribution.SETTLEMENT,
                    false,
                    Duration.ZERO,
                    Duration.ZERO,
                    0.0,
                    0.0,
                    false,
                    null,
                    false,
                    NO_LAG,
                    true);

    /** The profile without the read-view switches (no read lag, {@code total_granted} shown). */
    public EnforcementProfile(
            ConcurrencyMode concurrency,
            ErrorStyle errorStyle,
            CancelBilling cancelBilling,
            Rounding rounding,
            ZoneId resetZone,
            DayOfWeek resetWeekday,
            Duration resetLag,
            long expiryOffByOneSeconds,
            PeriodAttribution periodAttribution,
            boolean cutoff,
            Duration staleCache,
            Duration batchWrite,
            double dropSettlementProbability,
            double doubleSettleProbability,
            boolean noRefundOnError,
            Long trustBypassAboveMicroCredits,
            boolean failOpen) {
        this(
                concurrency,
                errorStyle,
                cancelBilling,
                rounding,
                resetZone,
                resetWeekday,
                resetLag,
                expiryOffByOneSeconds,
                periodAttribution,
                cutoff,
                staleCache,
                batchWrite,
                dropSettlementProbability,
                doubleSettleProbability,
                noRefundOnError,
                trustBypassAboveMicroCredits,
                failOpen,
                NO_LAG,
                true);
    }

    public EnforcementProfile {
        Objects.requireNonNull(ledgerReadLag, "ledger_read_lag");
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(errorStyle, "errorStyle");
        Objects.requireNonNull(cancelBilling, "cancelBilling");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(resetZone, "resetZone");
        Objects.requireNonNull(resetWeekday, "resetWeekday");
        Objects.requireNonNull(periodAttribution, "periodAttribution");
        requireNonNegative(resetLag, "reset_lag_ms");
        requireNonNegative(staleCache, "stale_cache_ms");
        requireNonNegative(batchWrite, "batch_write_ms");
        requireProbability(dropSettlementProbability, "drop_settlement");
        requireProbability(doubleSettleProbability, "double_settle");
        if (trustBypassAboveMicroCredits != null && trustBypassAboveMicroCredits < 0) {
            throw new IllegalArgumentException(
                    "trust_bypass must be >= 0: " + trustBypassAboveMicroCredits);
        }
    }

    /** The calendar resets follow under this profile. */
    public ResetCalendar calendar() {
        return new ResetCalendar(resetZone, resetWeekday);
    }

    /** {@link #trustBypassAboveMicroCredits} as the ledger wants it: negative when off. */
    public long trustThresholdOrNegative() {
        return trustBypassAboveMicroCredits == null ? -1 : trustBypassAboveMicroCredits;
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0: " + d.toMillis());
        }
    }

    private static void requireProbability(double p, String name) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1]: " + p);
        }
    }
}
