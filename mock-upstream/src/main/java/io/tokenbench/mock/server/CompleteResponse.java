package io.tokenbench.mock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.stream.StreamTiming;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A non-streaming completion: the body is sent when the whole answer would be ready (TTFT plus the
 * inter-token gaps of the longest choice, stretched by load; plus the stall fault's pause), from a
 * task scheduled on the event loop, or at once when that is zero. In-response faults here: {@code
 * stream_reset} (RST after half the body), {@code protocol_error} (a truncated body), {@code
 * usage_missing} (no {@code usage}).
 */
final class CompleteResponse {

    /** Writes the API's complete body (owned by the caller). */
    @FunctionalInterface
    interface BodyWriter {
        /**
         * @param withUsage false only for the {@code usage_missing} fault
         */
        ByteBuf write(ByteBufAllocator alloc, boolean withUsage);
    }

    private CompleteResponse() {}

    static InFlight start(
            ServerContext server,
            Exchange exchange,
            RequestPlan plan,
            Settler settler,
            BodyWriter bodyWriter) {
        StreamTiming timing = server.timing();
        long delayNanos =
                timing.scaled(plan.ttftNanos())
                        + timing.scaled(sumOfGaps(plan))
                        + (plan.hasFault(Fault.STALL) ? plan.faultParam() : 0);
        Runnable respond = () -> respond(exchange, plan, settler, bodyWriter);
        if (delayNanos == 0) {
            respond.run();
            return null;
        }
        long dueNanos = exchange.ctx().executor().ticker().nanoTime() + delayNanos;
        Future<?> task =
                exchange.ctx()
                        .executor()
                        .schedule(
                                () -> {
                                    server.lag.record(
                                            exchange.ctx().executor().ticker().nanoTime()
                                                    - dueNanos);
                                    respond.run();
                                },
                                delayNanos,
                                TimeUnit.NANOSECONDS);
        return () -> {
            if (task.cancel(false)) {
                settler.settle(200, Settlement.End.CLIENT_CANCELLED, 0);
                exchange.complete();
            }
        };
    }

    private static long sumOfGaps(RequestPlan plan) {
        int longest = 0;
        for (int i = 0; i < plan.choices(); i++) {
            longest = Math.max(longest, plan.outputTokens(i));
        }
        long gapsNanos = 0;
        for (int i = 1; i < longest; i++) {
            gapsNanos += plan.nextItlNanos();
        }
        return gapsNanos;
    }

    private static void respond(
            Exchange exchange, RequestPlan plan, Settler settler, BodyWriter bodyWriter) {
        if (!exchange.ctx().channel().isActive()) {
            settler.settle(200, Settlement.End.CLIENT_CANCELLED, 0);
            exchange.complete();
            return;
        }
        ByteBuf body =
                bodyWriter.write(exchange.ctx().alloc(), !plan.hasFault(Fault.USAGE_MISSING));
        long tokens = plan.totalOutputTokens();
        if (plan.hasFault(Fault.STREAM_RESET)) {
            settler.settle(200, Settlement.End.UPSTREAM_ERROR_MID_RESPONSE, tokens);
            UpstreamFaults.resetMidBody(
                    exchange, HttpResponseStatus.OK, Exchange.APPLICATION_JSON, Map.of(), body);
            return;
        }
        if (plan.hasFault(Fault.PROTOCOL_ERROR)) {
            body.writerIndex(body.readerIndex() + body.readableBytes() / 2);
            settler.settle(200, Settlement.End.UPSTREAM_ERROR_MID_RESPONSE, tokens);
        } else {
            settler.settle(200, Settlement.End.COMPLETED, tokens);
        }
        exchange.send(HttpResponseStatus.OK, Exchange.APPLICATION_JSON, body, Map.of());
    }
}
