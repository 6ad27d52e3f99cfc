package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * A real reset on a live gateway ({@code --wait-for-reset}): waits for the key's next UTC boundary,
 * reads the usage endpoint (free) every second from 10 s before it, and takes the first read whose
 * period usage dropped as the observed reset; then one request must be admitted. Pass when the
 * reset came within {@link #TOLERANCE} after the boundary, fail when it came before, later, or not
 * within {@link #GIVE_UP}.
 */
public final class LiveResetCheck {
    static final Duration TOLERANCE = Duration.ofSeconds(60);
    static final Duration GIVE_UP = Duration.ofMinutes(15);

    private LiveResetCheck() {}

    /**
     * The next boundary after {@code now} in UTC for daily, weekly (Monday) or monthly (the 1st).
     */
    public static Instant nextBoundary(String reset, Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        LocalDate day = t.toLocalDate();
        LocalDate next =
                switch (reset) {
                    case "daily" -> day.plusDays(1);
                    case "weekly" -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                    case "monthly" -> day.with(TemporalAdjusters.firstDayOfNextMonth());
                    default ->
                            throw new IllegalArgumentException(
                                    "reset must be daily, weekly or monthly: " + reset);
                };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static CheckResult run(VerifyContext ctx, KeyHandle key, String reset) {
        Instant boundary = nextBoundary(reset, Instant.now());
        ObjectNode e = Evidence.object();
        e.put("reset", reset);
        e.put("expected_reset_at", boundary.toString());
        long before = ctx.ledger(key).usedInPeriodMicroCredits();
        e.put("used_before_micro_credits", before);
        if (before == 0) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.NOT_CHECKED,
                    "the key has no usage in this period to reset",
                    e);
        }
        Instant watchFrom = boundary.minusSeconds(10);
        long giveUpNanos =
                System.nanoTime()
                        + Duration.between(Instant.now(), boundary.plus(GIVE_UP)).toNanos();
        Instant observed =
                Waiting.until(
                                () ->
                                        ctx.ledger(key).usedInPeriodMicroCredits() < before
                                                ? Optional.of(Instant.now())
                                                : Optional.<Instant>empty(),
                                Duration.between(Instant.now(), watchFrom),
                                Duration.ofSeconds(1),
                                giveUpNanos)
                        .orElse(null);
        if (observed == null) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.FAIL,
                    "no reset within " + GIVE_UP.toMinutes() + " min after " + boundary,
                    e);
        }
        e.put("observed_reset_at", observed.toString());
        e.put("observed_lag_ms", Duration.between(boundary, observed).toMillis());
        boolean admitted = ctx.gateway().call(ctx.probe(), key.secret()).admitted();
        e.put("admitted_after_reset", admitted);
        if (observed.isBefore(boundary.minusSeconds(1))) {
            return new CheckResult(
                    CheckName.RESET, Verdict.FAIL, "reset before the boundary " + boundary, e);
        }
        if (observed.isAfter(boundary.plus(TOLERANCE)) || !admitted) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.FAIL,
                    admitted
                            ? "reset " + e.get("observed_lag_ms") + " ms after the boundary"
                            : "refused after the reset",
                    e);
        }
        return new CheckResult(
                CheckName.RESET,
                Verdict.PASS,
                "reset observed " + e.get("observed_lag_ms") + " ms after " + boundary,
                e);
    }
}
