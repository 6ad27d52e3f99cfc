package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Evidence;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Expiry on the mock (key-limits.md item 5): a 7 d key expires exactly 604 800 s and a 30 d key 2
 * 592 000 s after creation; the expiry second itself is still valid, the next one is refused. The
 * probes run 100 ms into the second on the mock's ticking clock; a probe whose second changed
 * before the clock was read back is repeated. A stream running when its key expires must complete.
 */
public final class ExpiryCheck implements Check {
    /** Where the clock is set before the keys are created (after the reset cases). */
    public static final Instant START = Instant.parse("2028-04-03T10:00:00Z");

    private static final Duration INTO_SECOND = Duration.ofMillis(100);
    private static final int ATTEMPTS = 3;
    private static final int STREAM_TOKENS = 50;
    private static final String STREAM_ITL_MS = "20";

    /** The expiry check's evidence. */
    public record ExpiryEvidence(List<KeyRow> keys, InFlight inFlight) implements Evidence {}

    /**
     * One key (instants as ISO-8601 UTC strings).
     *
     * @param admittedAtExpirySecond null when the mock's clock could not be held in that second
     * @param admittedOneSecondLater null likewise
     */
    public record KeyRow(
            String expiration,
            String createdAt,
            String expiresAt,
            long lifetimeSeconds,
            long expectedLifetimeSeconds,
            Boolean admittedAtExpirySecond,
            Boolean admittedOneSecondLater,
            Verdict verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {}

    /** A stream admitted in the expiry second, running when the clock passes it. */
    public record InFlight(
            boolean runningWhenExpired,
            int status,
            long completionTokens,
            boolean completed,
            Verdict verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {}

    @Override
    public CheckName name() {
        return CheckName.EXPIRY;
    }

    @Override
    public CheckResult run(Findings f) {
        VerifyContext ctx = f.ctx();
        MockAdmin admin =
                ctx.target()
                        .admin(
                                "needs the mock's clock (a live key expires after 7 or 30 days;"
                                        + " the usage endpoint's expires_at is reported)");
        admin.setClock(START);
        List<KeyRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String expiration : List.of("7d", "30d")) {
            long expectedSeconds = expiration.equals("7d") ? 604_800L : 2_592_000L;
            KeyHandle key =
                    ctx.target().createKey("expiry-" + expiration, null, "none", expiration);
            var view = admin.key(key.adminId());
            long lifetime = view.expiresAt().getEpochSecond() - view.createdAt().getEpochSecond();
            long expirySecond = view.expiresAt().getEpochSecond();
            Optional<Boolean> atExpiry = admittedAt(ctx, admin, key, expirySecond);
            Optional<Boolean> after = admittedAt(ctx, admin, key, expirySecond + 1);
            String problem = null;
            if (lifetime != expectedSeconds) {
                problem = "lifetime " + lifetime + " s, expected " + expectedSeconds + " s";
            } else if (atExpiry.isEmpty() || after.isEmpty()) {
                problem = "the mock's clock could not be held within one second";
            } else if (!atExpiry.get()) {
                problem =
                        "refused during the expiry second itself (off by one: expires a second"
                                + " early)";
            } else if (after.get()) {
                problem = "admitted one second after expiry (off by one: expires late)";
            }
            rows.add(
                    new KeyRow(
                            expiration,
                            view.createdAt().toString(),
                            view.expiresAt().toString(),
                            lifetime,
                            expectedSeconds,
                            atExpiry.orElse(null),
                            after.orElse(null),
                            Verdict.passUnless(problem),
                            problem));
            if (problem != null) {
                problems.add(expiration + ": " + problem);
            }
        }
        InFlight inFlight = streamAcrossExpiry(ctx, admin);
        if (inFlight.verdict() == Verdict.FAIL) {
            problems.add("in flight: " + inFlight.problem());
        }
        ExpiryEvidence e = new ExpiryEvidence(rows, inFlight);
        return problems.isEmpty()
                ? new CheckResult(
                        CheckName.EXPIRY,
                        Verdict.PASS,
                        "7 d and 30 d keys expire at the exact second",
                        e)
                : new CheckResult(CheckName.EXPIRY, Verdict.FAIL, problems.get(0), e);
    }

    /**
     * A stream admitted in the last second of a 7 d key and still running when the clock passes the
     * expiry must complete: expiry is checked at admission only (key-limits.md "Resets and
     * expiry").
     */
    private static InFlight streamAcrossExpiry(VerifyContext ctx, MockAdmin admin) {
        KeyHandle key = ctx.target().createKey("expiry-in-flight", null, "none", "7d");
        long expirySecond = admin.key(key.adminId()).expiresAt().getEpochSecond();
        admin.setClock(Instant.ofEpochSecond(expirySecond).plus(INTO_SECOND));
        ChatProbe stream =
                ctx.probe()
                        .withStream(true)
                        .withMaxTokens(STREAM_TOKENS)
                        .withHeader("x-mock-output-tokens", Integer.toString(STREAM_TOKENS))
                        .withHeader("x-mock-itl-ms", STREAM_ITL_MS);
        CompletableFuture<CallResult> call =
                CompletableFuture.supplyAsync(() -> ctx.gateway().call(stream, key.secret()));
        boolean running =
                Waiting.after(
                        Duration.ofMillis(250),
                        () -> {
                            boolean inFlight = !call.isDone();
                            admin.setClock(Instant.ofEpochSecond(expirySecond + 5));
                            return inFlight;
                        });
        CallResult r = call.join();
        boolean completed =
                r.admitted() && r.ioError() == null && r.completionTokens() == STREAM_TOKENS;
        Judgement judged;
        if (!running || !r.admitted()) {
            judged =
                    Judgement.notChecked(
                            !r.admitted()
                                    ? "the stream was not admitted in the expiry second"
                                    : "the stream ended first");
        } else {
            judged =
                    Judgement.passUnless(
                            completed
                                    ? null
                                    : "a stream admitted before expiry was cut off ("
                                            + r.completionTokens()
                                            + " of "
                                            + STREAM_TOKENS
                                            + " tokens"
                                            + (r.ioError() == null ? "" : ", " + r.ioError())
                                            + ")");
        }
        return new InFlight(
                running,
                r.status(),
                r.completionTokens(),
                completed,
                judged.verdict(),
                judged.problem());
    }

    /**
     * Admission of one probe during {@code epochSecond}, or empty when the second could not be
     * held.
     */
    private static Optional<Boolean> admittedAt(
            VerifyContext ctx, MockAdmin admin, KeyHandle key, long epochSecond) {
        for (int i = 0; i < ATTEMPTS; i++) {
            admin.setClock(Instant.ofEpochSecond(epochSecond).plus(INTO_SECOND));
            boolean admitted = ctx.gateway().call(ctx.probe(), key.secret()).admitted();
            if (admin.clock().getEpochSecond() == epochSecond) {
                return Optional.of(admitted);
            }
        }
        return Optional.empty();
    }
}
