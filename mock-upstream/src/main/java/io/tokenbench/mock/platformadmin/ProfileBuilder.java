package io.tokenbench.mock.platformadmin;

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

/**
 * A mutable copy of an {@link EnforcementProfile} for changing one setting; validation is in the
 * record.
 */
final class ProfileBuilder {
    ConcurrencyMode concurrency;
    ErrorStyle errorStyle;
    CancelBilling cancelBilling;
    Rounding rounding;
    ZoneId resetZone;
    DayOfWeek resetWeekday;
    Duration resetLag;
    long expiryOffByOneSeconds;
    PeriodAttribution periodAttribution;
    boolean cutoff;
    Duration staleCache;
    Duration batchWrite;
    double dropSettlementProbability;
    double doubleSettleProbability;
    boolean noRefundOnError;
    Long trustBypassAboveMicroCredits;
    boolean failOpen;
    Dist ledgerReadLag;
    boolean usageReportsGranted;

    ProfileBuilder(EnforcementProfile p) {
        concurrency = p.concurrency();
        errorStyle = p.errorStyle();
        cancelBilling = p.cancelBilling();
        rounding = p.rounding();
        resetZone = p.resetZone();
        resetWeekday = p.resetWeekday();
        resetLag = p.resetLag();
        expiryOffByOneSeconds = p.expiryOffByOneSeconds();
        periodAttribution = p.periodAttribution();
        cutoff = p.cutoff();
        staleCache = p.staleCache();
        batchWrite = p.batchWrite();
        dropSettlementProbability = p.dropSettlementProbability();
        doubleSettleProbability = p.doubleSettleProbability();
        noRefundOnError = p.noRefundOnError();
        trustBypassAboveMicroCredits = p.trustBypassAboveMicroCredits();
        failOpen = p.failOpen();
        ledgerReadLag = p.ledgerReadLag();
        usageReportsGranted = p.usageReportsGranted();
    }

    EnforcementProfile build() {
        return new EnforcementProfile(
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
                ledgerReadLag,
                usageReportsGranted);
    }
}
