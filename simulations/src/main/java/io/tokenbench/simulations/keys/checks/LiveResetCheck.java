package io.tokenbench.simulations.keys.checks;

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
public final class LiveResetCheck implements Check {
    static final Duration TOLERANCE = Duration.ofSeconds(60);
    static final Duration GIVE_UP = Duration.ofMinutes(15);

    private final Optional<String> reset;

    /**
     * @param reset the live keys' reset type ({@code --reset}), empty when not given
     */
    public LiveResetCheck(Optional<String> reset) {
        this.reset = reset;
    }

    @Override
    public CheckName name() {
        return CheckName.RESET;
    }

    @Override
    public CheckResult run(Findings f) {
        if (!f.ctx().settings().waitForReset()) {
            return CheckResult.notChecked(
                    name(), "a live reset boundary is crossed only with --wait-for-reset");
        }
        if (reset.isEmpty() || reset.get().equals("none") || f.cells().isEmpty()) {
            return CheckResult.notChecked(
                    name(), "--wait-for-reset needs --reset daily|weekly|monthly and a used key");
        }
        return run(f.ctx(), f.cells().get(0).key(), reset.get());
    }

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

    static CheckResult run(VerifyContext ctx, KeyHandle key, String reset) {
        Instant boundary = nextBoundary(reset, Instant.now());
        long before = ctx.ledger(key).usedInPeriodMicroCredits();
        ResetEvidence.Live unobserved =
                new ResetEvidence.Live(reset, boundary.toString(), before, null, null, null);
        if (before == 0) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.NOT_CHECKED,
                    "the key has no usage in this period to reset",
                    unobserved);
        }
        Instant watchFrom = boundary.minusSeconds(10);
        long giveUpNanos =
                System.nanoTime()
                        + Duration.between(Instant.now(), boundary.plus(GIVE_UP)).toNanos();
        Optional<Instant> observed =
                Waiting.until(
                        () ->
                                ctx.ledger(key).usedInPeriodMicroCredits() < before
                                        ? Optional.of(Instant.now())
                                        : Optional.<Instant>empty(),
                        Duration.between(Instant.now(), watchFrom),
                        Duration.ofSeconds(1),
                        giveUpNanos);
        if (observed.isEmpty()) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.FAIL,
                    "no reset within " + GIVE_UP.toMinutes() + " min after " + boundary,
                    unobserved);
        }
        long lagMs = Duration.between(boundary, observed.get()).toMillis();
        boolean admitted = ctx.gateway().call(ctx.probe(), key.secret()).admitted();
        ResetEvidence.Live e =
                new ResetEvidence.Live(
                        reset,
                        boundary.toString(),
                        before,
                        observed.get().toString(),
                        lagMs,
                        admitted);
        if (observed.get().isBefore(boundary.minusSeconds(1))) {
            return new CheckResult(
                    CheckName.RESET, Verdict.FAIL, "reset before the boundary " + boundary, e);
        }
        if (observed.get().isAfter(boundary.plus(TOLERANCE)) || !admitted) {
            return new CheckResult(
                    CheckName.RESET,
                    Verdict.FAIL,
                    admitted
                            ? "reset " + lagMs + " ms after the boundary"
                            : "refused after the reset",
                    e);
        }
        return new CheckResult(
                CheckName.RESET,
                Verdict.PASS,
                "reset observed " + lagMs + " ms after " + boundary,
                e);
    }
}
