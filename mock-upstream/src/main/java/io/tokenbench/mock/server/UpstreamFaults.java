package io.tokenbench.mock.server;

import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.openai.ApiError;
import java.util.Map;

/**
 * The faults that replace a response before any byte of it: 429 with rate-limit headers,
 * 500/502/503, and a TCP reset. Settled as {@code UPSTREAM_ERROR_BEFORE_FIRST_BYTE}.
 */
final class UpstreamFaults {

    private UpstreamFaults() {}

    /** Answers the exchange when the plan has a before-headers fault; returns whether it did. */
    static boolean answerBeforeHeaders(Exchange exchange, RequestPlan plan, Settler settler) {
        if (plan.fault().isEmpty()
                || plan.fault().get().fault().phase() != Fault.Phase.BEFORE_HEADERS) {
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

    /**
     * The {@code stream_reset} fault of a complete body: the head (with the full {@code
     * content-length}) and the first half of {@code body} (owned by this call), then a TCP reset.
     */
    static void resetMidBody(
            Exchange exchange,
            HttpResponseStatus status,
            CharSequence contentType,
            Map<String, String> headers,
            ByteBuf body) {
        HttpResponse head =
                new DefaultHttpResponse(HttpVersion.HTTP_1_1, status, Exchange.RESPONSE_HEADERS);
        head.headers().set(CONTENT_TYPE, contentType).setInt(CONTENT_LENGTH, body.readableBytes());
        headers.forEach(head.headers()::set);
        exchange.decorate(head);
        exchange.ctx().write(head);
        ByteBuf half = body.readRetainedSlice(body.readableBytes() / 2);
        body.release();
        exchange.ctx()
                .writeAndFlush(new DefaultHttpContent(half))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        reset(exchange);
    }

    /**
     * 429 {@code rate_limit_exceeded} with {@code retry-after}, {@code retry-after-ms} and {@code
     * x-ratelimit-*}.
     */
    static ApiError rateLimited(long retryAfterNanos) {
        return ApiError.rateLimited(retryAfterNanos);
    }
}
