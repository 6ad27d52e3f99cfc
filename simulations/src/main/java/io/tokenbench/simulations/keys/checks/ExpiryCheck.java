package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.Verdict;
import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Expiry on the mock (key-limits.md item 5): a 7 d key expires exactly 604 800 s and a 30 d key 2
 * 592 000 s after creation; the expiry second itself is still valid, the next one is refused. The
 * probes run 100 ms into the second on the mock's ticking clock; a probe whose second changed
 * before the clock was read back is repeated. A stream running when its key expires must complete.
 */
public final class ExpiryCheck {
    /** Where the clock is set before the keys are created (after the reset cases). */
    public static final Instant START = Instant.parse("2028-04-03T10:00:00Z");

    private static final Duration INTO_SECOND = Duration.ofMillis(100);
    private static final int ATTEMPTS = 3;
    private static final int STREAM_TOKENS = 50;
    private static final String STREAM_ITL_MS = "20";

    private final VerifyContext ctx;

    public ExpiryCheck(VerifyContext ctx) {
        this.ctx = ctx;
    }

    public CheckResult run() {
        if (!ctx.mock()) {
            return CheckResult.notChecked(
                    CheckName.EXPIRY,
                    "needs the mock's clock (a live key expires after 7 or 30 days; the usage endpoint's expires_at is reported)");
        }
        ctx.admin().setClock(START);
        ArrayNode rows = Evidence.array();
        List<String> problems = new ArrayList<>();
        for (String expiration : List.of("7d", "30d")) {
            long expectedSeconds = expiration.equals("7d") ? 604_800L : 2_592_000L;
            KeyHandle key = ctx.createKey("expiry-" + expiration, null, "none", expiration);
            var view = ctx.admin().key(key.adminId());
            long lifetime = view.expiresAt().getEpochSecond() - view.createdAt().getEpochSecond();
            long expirySecond = view.expiresAt().getEpochSecond();
            Boolean atExpiry = admittedAt(key, expirySecond);
            Boolean after = admittedAt(key, expirySecond + 1);
            ObjectNode row = rows.addObject();
            row.put("expiration", expiration);
            row.put("created_at", view.createdAt().toString());
            row.put("expires_at", view.expiresAt().toString());
            row.put("lifetime_seconds", lifetime);
            row.put("expected_lifetime_seconds", expectedSeconds);
            row.put("admitted_at_expiry_second", atExpiry);
            row.put("admitted_one_second_later", after);
            String problem = null;
            if (lifetime != expectedSeconds) {
                problem = "lifetime " + lifetime + " s, expected " + expectedSeconds + " s";
            } else if (atExpiry == null || after == null) {
                problem = "the mock's clock could not be held within one second";
            } else if (!atExpiry) {
                problem =
                        "refused during the expiry second itself (off by one: expires a second early)";
            } else if (after) {
                problem = "admitted one second after expiry (off by one: expires late)";
            }
            row.put("verdict", problem == null ? "pass" : "fail");
            if (problem != null) {
                row.put("problem", problem);
                problems.add(expiration + ": " + problem);
            }
        }
        ObjectNode inFlight = streamAcrossExpiry();
        if ("fail".equals(inFlight.get("verdict").asText())) {
            problems.add("in flight: " + inFlight.get("problem").asText());
        }
        ObjectNode e = Evidence.object();
        e.set("keys", rows);
        e.set("in_flight", inFlight);
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
    private ObjectNode streamAcrossExpiry() {
        KeyHandle key = ctx.createKey("expiry-in-flight", null, "none", "7d");
        long expirySecond = ctx.admin().key(key.adminId()).expiresAt().getEpochSecond();
        ctx.admin().setClock(Instant.ofEpochSecond(expirySecond).plus(INTO_SECOND));
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
                            ctx.admin().setClock(Instant.ofEpochSecond(expirySecond + 5));
                            return inFlight;
                        });
        CallResult r = call.join();
        ObjectNode row = Evidence.object();
        row.put("running_when_expired", running);
        row.put("status", r.status());
        row.put("completion_tokens", r.completionTokens());
        boolean completed =
                r.admitted() && r.ioError() == null && r.completionTokens() == STREAM_TOKENS;
        row.put("completed", completed);
        if (!running || !r.admitted()) {
            row.put("verdict", "not_checked");
            row.put(
                    "problem",
                    !r.admitted()
                            ? "the stream was not admitted in the expiry second"
                            : "the stream ended first");
        } else {
            row.put("verdict", completed ? "pass" : "fail");
            if (!completed) {
                row.put(
                        "problem",
                        "a stream admitted before expiry was cut off ("
                                + r.completionTokens()
                                + " of "
                                + STREAM_TOKENS
                                + " tokens"
                                + (r.ioError() == null ? "" : ", " + r.ioError())
                                + ")");
            }
        }
        return row;
    }

    /**
     * Admission of one probe during {@code epochSecond}, or null when the second could not be held.
     */
    private Boolean admittedAt(KeyHandle key, long epochSecond) {
        for (int i = 0; i < ATTEMPTS; i++) {
            ctx.admin().setClock(Instant.ofEpochSecond(epochSecond).plus(INTO_SECOND));
            boolean admitted = ctx.gateway().call(ctx.probe(), key.secret()).admitted();
            if (ctx.admin().clock().getEpochSecond() == epochSecond) {
                return admitted;
            }
        }
        return null;
    }
}
