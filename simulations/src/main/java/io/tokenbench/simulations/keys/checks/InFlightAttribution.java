package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
     * @return the evidence row, with {@code verdict} pass, fail or not_checked and a {@code
     *     problem}
     */
    static ObjectNode run(VerifyContext ctx, Calibration cal) {
        ObjectNode row = Evidence.object();
        row.put("case", "in_flight_across_boundary");
        row.put("boundary", BOUNDARY.toString());
        row.put("expected_period", "settlement");
        ctx.admin().setClock(BOUNDARY.minus(ResetCase.LEAD));
        KeyHandle key =
                ctx.createKey(
                        "in-flight-daily",
                        100 * cal.costMicroCredits() + 10 * cal.estimateNoMaxMicroCredits(),
                        "daily",
                        "none");
        ctx.admin().setClock(BOUNDARY.minusSeconds(2));
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
                            ctx.admin().setClock(BOUNDARY.plusSeconds(1));
                            return running;
                        });
        CallResult r = call.join();
        LedgerSettle.await(ctx, List.of(key));
        MockAdmin.KeyView v = ctx.admin().key(key.adminId());
        Optional<MockAdmin.LogRow> log =
                ctx.admin().logs(key.adminId()).stream()
                        .filter(l -> r.requestId() != null && r.requestId().equals(l.requestId()))
                        .findFirst();
        row.put("stream_running_at_boundary", runningAtBoundary);
        row.put("status", r.status());
        row.put("request_cost_micro_credits", log.map(MockAdmin.LogRow::microCredits).orElse(null));
        row.put("used_in_period_after_micro_credits", v.usedInPeriodMicroCredits());
        row.put("used_total_after_micro_credits", v.usedTotalMicroCredits());
        String skip =
                !runningAtBoundary
                        ? "the stream ended before the clock crossed the boundary"
                        : !r.admitted() || log.isEmpty()
                                ? "the stream was not admitted or has no log row"
                                : v.usedTotalMicroCredits() != log.get().microCredits()
                                        ? "the ledger disagrees with the log row (see accounting)"
                                        : null;
        if (skip != null) {
            row.put("verdict", "not_checked");
            row.put("problem", skip);
        } else if (v.usedInPeriodMicroCredits() != log.get().microCredits()) {
            row.put("verdict", "fail");
            row.put(
                    "problem",
                    "the new period holds "
                            + v.usedInPeriodMicroCredits()
                            + " micro-Credits of a "
                            + log.get().microCredits()
                            + " request settled in it (expected: charged to the period of settlement)");
        } else {
            row.put("verdict", "pass");
        }
        return row;
    }
}
