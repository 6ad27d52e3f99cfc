package io.tokenbench.mock.cli;

import io.tokenbench.mock.behavior.Dist;
import io.tokenbench.mock.billing.CancelBilling;
import io.tokenbench.mock.billing.PeriodAttribution;
import io.tokenbench.mock.billing.Rounding;
import io.tokenbench.mock.platform.ConcurrencyMode;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.ErrorStyle;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * The key-enforcement switches of {@link MockCommand} (KEYS.md), the same settings {@code PUT
 * /admin/enforcement} takes in snake_case; each also answers to its underscore spelling. An option
 * not given keeps {@link EnforcementProfile#DEFAULTS}; {@link #trustBypassMicroCredits} is {@code
 * null} both when not given and when given as {@code off}, which is the default.
 */
final class ProfileOptions {

    @Option(
            names = "--concurrency",
            paramLabel = "MODE",
            description =
                    "check_then_act (racy, as new-api) or atomic (hard cap)"
                            + " (default ${DEFAULT-VALUE})")
    ConcurrencyMode concurrency;

    @Option(
            names = {"--error-style", "--error_style"},
            paramLabel = "STYLE",
            description =
                    "rejections as newapi, openai, openrouter or litellm (default ${DEFAULT-VALUE})")
    ErrorStyle errorStyle;

    @Option(
            names = {"--cancel-billing", "--cancel_billing"},
            paramLabel = "MODE",
            description =
                    "client disconnect billed: tokens_emitted, zero, input_only, full"
                            + " (default ${DEFAULT-VALUE})")
    CancelBilling cancelBilling;

    @Option(
            names = "--rounding",
            paramLabel = "MODE",
            description =
                    "per-request cost rounding: half_away_from_zero, ceil, none"
                            + " (default ${DEFAULT-VALUE})")
    Rounding rounding;

    @Option(
            names = {"--reset-zone", "--reset_zone"},
            paramLabel = "ZONE",
            converter = MockConverters.Zone.class,
            description = "zone of reset boundaries, e.g. Asia/Shanghai (default ${DEFAULT-VALUE})")
    ZoneId resetZone;

    @Option(
            names = {"--reset-weekday", "--reset_weekday"},
            paramLabel = "DAY",
            description = "first day of weekly periods, monday..sunday (default ${DEFAULT-VALUE})")
    DayOfWeek resetWeekday;

    @Option(
            names = {"--reset-lag-ms", "--reset_lag_ms"},
            paramLabel = "MS",
            converter = MockConverters.Millis.class,
            description = "fault: resets applied this late (default ${DEFAULT-VALUE})")
    Duration resetLag;

    @Option(
            names = {"--expiry-off-by-one", "--expiry_off_by_one"},
            paramLabel = "SECONDS",
            description =
                    "fault: shift the expiry check, -1 rejects the exact expiry second"
                            + " (default ${DEFAULT-VALUE})")
    Long expiryOffByOneSeconds;

    @Option(
            names = {"--period-attribution", "--period_attribution"},
            paramLabel = "WHICH",
            description =
                    "a request crossing a reset is charged to its settlement or admission period"
                            + " (default ${DEFAULT-VALUE})")
    PeriodAttribution periodAttribution;

    @Option(
            names = "--cutoff",
            arity = "1",
            paramLabel = "BOOL",
            description =
                    "end streams with finish_reason length when the key's Credits run out"
                            + " (default ${DEFAULT-VALUE})")
    Boolean cutoff;

    @Option(
            names = {"--stale-cache-ms", "--stale_cache_ms"},
            paramLabel = "MS",
            converter = MockConverters.Millis.class,
            description =
                    "fault: check_then_act admission reads a key snapshot up to this old"
                            + " (default ${DEFAULT-VALUE})")
    Duration staleCache;

    @Option(
            names = {"--batch-write-ms", "--batch_write_ms"},
            paramLabel = "MS",
            converter = MockConverters.Millis.class,
            description =
                    "fault: settlements reach the ledger this late (default ${DEFAULT-VALUE})")
    Duration batchWrite;

    @Option(
            names = {"--drop-settlement", "--drop_settlement"},
            paramLabel = "P",
            converter = MockConverters.Probability.class,
            description =
                    "fault: probability a settlement is never applied (default ${DEFAULT-VALUE})")
    Double dropSettlementProbability;

    @Option(
            names = {"--double-settle", "--double_settle"},
            paramLabel = "P",
            converter = MockConverters.Probability.class,
            description =
                    "fault: probability a settlement is applied twice (default ${DEFAULT-VALUE})")
    Double doubleSettleProbability;

    @Option(
            names = {"--no-refund-on-error", "--no_refund_on_error"},
            arity = "1",
            paramLabel = "BOOL",
            description =
                    "fault: keep the reservation after an upstream error before the first byte"
                            + " (default ${DEFAULT-VALUE})")
    Boolean noRefundOnError;

    @Option(
            names = {"--trust-bypass", "--trust_bypass"},
            paramLabel = "CREDITS",
            converter = MockConverters.CreditsOrOff.class,
            description =
                    "fault: keys with more remaining than this reserve nothing; off disables"
                            + " (default ${DEFAULT-VALUE})")
    Long trustBypassMicroCredits;

    @Option(
            names = {"--fail-open", "--fail_open"},
            arity = "1",
            paramLabel = "BOOL",
            description =
                    "fault: do not enforce status, expiry or limits (default ${DEFAULT-VALUE})")
    Boolean failOpen;

    @Option(
            names = {"--ledger-read-lag", "--ledger_read_lag"},
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description =
                    "settlements reach the usage endpoint and the admin key view this much later,"
                            + " drawn per settlement (e.g. 1s, uniform(0ms,2s)); admission is not"
                            + " delayed (default 0)")
    Dist ledgerReadLag;

    @Option(
            names = {"--usage-reports-granted", "--usage_reports_granted"},
            arity = "1",
            paramLabel = "BOOL",
            description =
                    "GET /api/usage/token/ reports total_granted, as new-api does (default true)")
    Boolean usageReportsGranted;

    /**
     * {@link EnforcementProfile#DEFAULTS} with the options given; every value was checked by its
     * converter, the record checks the rest.
     */
    EnforcementProfile profile() {
        EnforcementProfile d = EnforcementProfile.DEFAULTS;
        return new EnforcementProfile(
                Objects.requireNonNullElse(concurrency, d.concurrency()),
                Objects.requireNonNullElse(errorStyle, d.errorStyle()),
                Objects.requireNonNullElse(cancelBilling, d.cancelBilling()),
                Objects.requireNonNullElse(rounding, d.rounding()),
                Objects.requireNonNullElse(resetZone, d.resetZone()),
                Objects.requireNonNullElse(resetWeekday, d.resetWeekday()),
                Objects.requireNonNullElse(resetLag, d.resetLag()),
                Objects.requireNonNullElse(expiryOffByOneSeconds, d.expiryOffByOneSeconds()),
                Objects.requireNonNullElse(periodAttribution, d.periodAttribution()),
                Objects.requireNonNullElse(cutoff, d.cutoff()),
                Objects.requireNonNullElse(staleCache, d.staleCache()),
                Objects.requireNonNullElse(batchWrite, d.batchWrite()),
                Objects.requireNonNullElse(
                        dropSettlementProbability, d.dropSettlementProbability()),
                Objects.requireNonNullElse(doubleSettleProbability, d.doubleSettleProbability()),
                Objects.requireNonNullElse(noRefundOnError, d.noRefundOnError()),
                trustBypassMicroCredits,
                Objects.requireNonNullElse(failOpen, d.failOpen()),
                Objects.requireNonNullElse(ledgerReadLag, d.ledgerReadLag()),
                Objects.requireNonNullElse(usageReportsGranted, d.usageReportsGranted()));
    }
}
