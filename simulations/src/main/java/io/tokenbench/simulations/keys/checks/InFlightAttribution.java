package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.MockAdmin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A stream admitted before a daily boundary and settled after it (key-limits.md item 4):
 * PowerTokens (new-api) charges it to the period of settlement, so right after it the new period
 * holds exactly its cost. Judged only when the ledger's lifetime total equals the request's log row
 * (otherwise the accounting is wrong and the accounting check says so), and only when the stream
 * was still running when the clock crossed the boundary.
 */
final class InFlightAttribution {
    static final Instant BOUNDARY = Instant.parse("2028-03-15T00:00:00Z");

    /**
     * About one second of stream: 50 tokens, 20 ms apart; the clock moves after {@link
     * #MOVE_AFTER_MS}.
     */
    private static final int TOKENS = 50;

    private static final String ITL_MS = "20";
    private static final long MOVE_AFTER_MS = 250;

    private InFlightAttribution() {}

    /**
     * @return the evidence row, with its verdict (pass, fail or not_checked with the problem)
     */
    static ResetEvidence.InFlight run(VerifyContext ctx, MockAdmin admin, Calibration cal) {
        admin.setClock(BOUNDARY.minus(ResetCase.LEAD));
        KeyHandle key =
                ctx.target()
                        .createKey(
                                "in-flight-daily",
                                100 * cal.costMicroCredits() + 10 * cal.estimateNoMaxMicroCredits(),
                                "daily",
                                "none");
        admin.setClock(BOUNDARY.minusSeconds(2));
        ChatProbe stream =
                ctx.probe()
                        .withStream(true)
                        .withMaxTokens(TOKENS)
                        .withHeader("x-mock-output-tokens", Integer.toString(TOKENS))
                        .withHeader("x-mock-itl-ms", ITL_MS);
        CompletableFuture<CallResult> call =
                CompletableFuture.supplyAsync(() -> ctx.gateway().call(stream, key.secret()));
        boolean runningAtBoundary =
                Waiting.after(
                        java.time.Duration.ofMillis(MOVE_AFTER_MS),
                        () -> {
                            boolean running = !call.isDone();
                            admin.setClock(BOUNDARY.plusSeconds(1));
                            return running;
                        });
        CallResult r = call.join();
        LedgerSettle.await(ctx, List.of(key));
        MockAdmin.KeyView v = admin.key(key.adminId());
        Optional<MockAdmin.LogRow> log =
                admin.logs(key.adminId()).stream()
                        .filter(l -> r.requestId() != null && r.requestId().equals(l.requestId()))
                        .findFirst();
        Long cost = log.map(MockAdmin.LogRow::microCredits).orElse(null);
        Judgement j = judge(runningAtBoundary, r.admitted(), cost, v);
        return new ResetEvidence.InFlight(
                "in_flight_across_boundary",
                BOUNDARY.toString(),
                "settlement",
                runningAtBoundary,
                r.status(),
                cost,
                v.usedInPeriodMicroCredits(),
                v.usedTotalMicroCredits(),
                j.verdict(),
                j.problem());
    }

    /** Judged only when the stream crossed the boundary and the ledger agrees with its row. */
    private static Judgement judge(
            boolean runningAtBoundary, boolean admitted, Long cost, MockAdmin.KeyView v) {
        if (!runningAtBoundary) {
            return Judgement.notChecked("the stream ended before the clock crossed the boundary");
        }
        if (!admitted || cost == null) {
            return Judgement.notChecked("the stream was not admitted or has no log row");
        }
        if (v.usedTotalMicroCredits() != cost) {
            return Judgement.notChecked("the ledger disagrees with the log row (see accounting)");
        }
        if (v.usedInPeriodMicroCredits() != cost) {
            return Judgement.fail(
                    "the new period holds "
                            + v.usedInPeriodMicroCredits()
                            + " micro-Credits of a "
                            + cost
                            + " request settled in it (expected: charged to the period of"
                            + " settlement)");
        }
        return Judgement.pass();
    }
}
