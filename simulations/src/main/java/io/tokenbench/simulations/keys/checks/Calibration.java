package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;

/**
 * One request's shape on the mock, measured on an unlimited key before the matrix: its usage and
 * cost, and the limit a matrix key gets. The limit leaves {@code (estimate + cost) / 2} after
 * {@code limitRequests} requests, so a request without max_tokens is still admitted (remaining >=
 * its estimate) and then exhausts the key (remaining <= 0) whenever its cost exceeds the estimate.
 */
public record Calibration(
        long promptTokens,
        long completionTokens,
        long costMicroCredits,
        long estimateNoMaxMicroCredits,
        long limitMicroCredits) {

    public static Calibration measure(VerifyContext ctx) {
        KeyHandle key = ctx.target().createKey("calibration", null, "none", "none");
        CallResult r = ctx.gateway().call(ctx.probe(), key.secret());
        if (!r.admitted() || !r.hasUsage()) {
            throw new IllegalStateException(
                    "calibration request failed: status "
                            + r.status()
                            + (r.ioError() == null ? "" : " (" + r.ioError() + ")")
                            + (r.errorBody() == null ? "" : ": " + r.errorBody()));
        }
        long cost = ctx.price().costMicroCredits(r.promptTokens(), r.completionTokens());
        if (cost <= 0) {
            throw new IllegalStateException(
                    "the calibration request costs 0 micro-Credits: choose a priced model");
        }
        long estimate = ctx.price().estimateMicroCredits(r.promptTokens(), null);
        long tail = cost > estimate ? (estimate + cost) / 2 : cost / 2;
        return new Calibration(
                r.promptTokens(),
                r.completionTokens(),
                cost,
                estimate,
                ctx.settings().limitRequests() * cost + tail);
    }
}
