package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How long the ledger's read view (the usage endpoint live, the admin key view on the mock) takes
 * to show a finished request's cost: eventual consistency measured as a figure, not judged. Each
 * sample is one request on a key with room, then reads until {@code used_in_period} has grown by
 * the request's usage x price (less one micro-Credit of rounding); the lag runs from the end of the
 * response to that read. A sample the view does not show within {@code --settle-timeout} is counted
 * in {@code notShownWithinTimeout}, never as a lag.
 *
 * @param samples requests measured
 * @param notShownWithinTimeout of those, not shown before the settle timeout
 * @param p50Ms median lag of the shown samples (nearest rank), null when none
 * @param maxMs largest lag of the shown samples, null when none
 * @param pollMs read interval: the resolution of the figure
 * @param reason why nothing was measured, or null
 */
public record PropagationLag(
        int samples,
        int notShownWithinTimeout,
        Long p50Ms,
        Long maxMs,
        long pollMs,
        String reason) {

    /** Requests measured per run. */
    public static final int SAMPLES = 3;

    public static PropagationLag notMeasured(String reason) {
        return new PropagationLag(0, 0, null, null, 0, reason);
    }

    /** Measures {@link #SAMPLES} sequential requests on {@code key} (one with room). */
    public static PropagationLag measure(VerifyContext ctx, KeyHandle key) {
        Duration poll = ctx.target().lagPoll();
        List<Long> lags = new ArrayList<>();
        int sent = 0;
        int notShown = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long before = ctx.ledger(key).usedInPeriodMicroCredits();
            CallResult r = ctx.gateway().call(ctx.probe(), key.secret());
            if (!r.admitted() || !r.hasUsage()) {
                continue;
            }
            sent++;
            long target =
                    before
                            + Math.max(
                                    0,
                                    ctx.price()
                                                    .costMicroCredits(
                                                            r.promptTokens(), r.completionTokens())
                                            - 1);
            long deadline = System.nanoTime() + ctx.settings().settleTimeout().toNanos();
            Optional<Long> shownAt =
                    Waiting.until(
                            () -> {
                                VerifyContext.LedgerView v = ctx.ledger(key);
                                return v.usedInPeriodMicroCredits() >= target
                                        ? Optional.of(v.readAtNanos())
                                        : Optional.<Long>empty();
                            },
                            poll,
                            deadline);
            if (shownAt.isPresent()) {
                lags.add(Math.max(0, shownAt.get() - r.doneNanos()) / 1_000_000);
            } else {
                notShown++;
            }
        }
        if (sent == 0) {
            return notMeasured("no request on the measuring key was admitted with usage");
        }
        Collections.sort(lags);
        return new PropagationLag(
                sent,
                notShown,
                lags.isEmpty() ? null : lags.get((lags.size() - 1) / 2),
                lags.isEmpty() ? null : lags.get(lags.size() - 1),
                poll.toMillis(),
                null);
    }

    /** "usage endpoint lag p50 12 ms, max 31 ms (3 requests)" or why not. */
    public String summary() {
        if (reason != null) {
            return "usage endpoint lag not measured: " + reason;
        }
        String shown =
                p50Ms == null
                        ? "usage endpoint never showed the cost"
                        : "usage endpoint lag p50 " + p50Ms + " ms, max " + maxMs + " ms";
        return shown
                + " ("
                + samples
                + " requests"
                + (notShownWithinTimeout > 0
                        ? ", " + notShownWithinTimeout + " not shown within --settle-timeout"
                        : "")
                + ")";
    }
}
