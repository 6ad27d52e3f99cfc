package io.tokenbench.mock.server;

import io.netty.channel.ChannelOption;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.GoDuration;
import java.util.Map;

/**
 * The faults that replace a response before any byte of it: 429 with rate-limit headers, 500/502/503,
 * and a TCP reset. Settled as {@code UPSTREAM_ERROR_BEFORE_FIRST_BYTE}.
 */
final class UpstreamFaults {

    private UpstreamFaults() {
    }

    /** Answers the exchange when the plan has a before-headers fault; returns whether it did. */
    static boolean answerBeforeHeaders(Exchange exchange, RequestPlan plan, Settler settler) {
        if (plan.fault().isEmpty() || plan.fault().get().fault().phase() != Fault.Phase.BEFORE_HEADERS) {
            return false;
        }
        Fault fault = plan.fault().get().fault();
        switch (fault) {
            case HTTP_429 -> {
                ApiError error = rateLimited(plan.faultParam());
                settler.settle(429, Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE, 0);
                exchange.sendError(error);
            }
            case HTTP_500, HTTP_502, HTTP_503 -> {
                int status = fault == Fault.HTTP_500 ? 500 : fault == Fault.HTTP_502 ? 502 : 503;
                settler.settle(status, Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE, 0);
                exchange.sendError(ApiError.serverError(status));
            }
            case CONNECT_RESET -> {
                settler.settle(0, Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE, 0);
                reset(exchange);
            }
            default -> throw new IllegalStateException("not a before-headers fault: " + fault);
        }
        return true;
    }

    /** Closes the connection with a TCP RST (SO_LINGER 0) and completes the exchange. */
    static void reset(Exchange exchange) {
        exchange.ctx().channel().config().setOption(ChannelOption.SO_LINGER, 0);
        exchange.ctx().channel().close();
        exchange.complete();
    }

    /** 429 {@code rate_limit_exceeded} with {@code retry-after}, {@code retry-after-ms} and {@code x-ratelimit-*}. */
    static ApiError rateLimited(long retryAfterNanos) {
        long retryAfterMillis = retryAfterNanos / 1_000_000;
        String reset = GoDuration.format(retryAfterNanos);
        return new ApiError(429, "Rate limit reached for requests per min (RPM): Limit 60, Used 60, Requested 1."
                + " Please try again in " + reset + ".", "requests", null, "rate_limit_exceeded", Map.of(
                "retry-after", Long.toString((retryAfterMillis + 999) / 1000),
                "retry-after-ms", Long.toString(retryAfterMillis),
                "x-ratelimit-limit-requests", "60",
                "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", reset,
                "x-ratelimit-limit-tokens", "150000",
                "x-ratelimit-remaining-tokens", "150000",
                "x-ratelimit-reset-tokens", "0s"));
    }
}
