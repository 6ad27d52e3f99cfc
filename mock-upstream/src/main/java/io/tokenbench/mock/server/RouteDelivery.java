package io.tokenbench.mock.server;

import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE;
import static io.netty.handler.codec.http.HttpHeaderNames.TRANSFER_ENCODING;
import static io.netty.handler.codec.http.HttpHeaderValues.CHUNKED;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.routing.Pacing;
import io.tokenbench.mock.routing.RouteResponse;
import io.tokenbench.mock.stream.PacedBody;
import io.tokenbench.mock.stream.StreamTiming;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes a route response that carries a {@link Pacing}: a TCP reset at once for {@code
 * connect_reset}; the whole body after the first byte delay (plus a {@code stall}), from a task
 * scheduled on the event loop whose lag goes into the scheduling-lag histogram, with {@code
 * stream_reset} (head and half the body, then a reset) and {@code protocol_error} (half the body);
 * or a chunked body in paced parts ({@link PacedBody}). The pacing's listener hears exactly once
 * how it ended, also when the client goes away first. Event loop only.
 */
final class RouteDelivery {

    private RouteDelivery() {}

    /**
     * Starts writing; returns the in-flight work when the response continues later, else null.
     *
     * @param handlingStartNanos when the route group started handling the request (event loop
     *     ticker): delays count from then, so the time spent building the body is part of them
     */
    static InFlight start(
            ServerContext server,
            Exchange exchange,
            RouteResponse response,
            long handlingStartNanos) {
        Pacing pacing = response.pacing().orElseThrow();
        if (pacing.hasFault(Fault.CONNECT_RESET)) {
            pacing.listener().ended(Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE, 0, 0.0);
            UpstreamFaults.reset(exchange);
            return null;
        }
        StreamTiming timing = server.timing();
        return pacing.streamed()
                ? streamed(exchange, response, pacing, timing, handlingStartNanos)
                : delayed(server, exchange, response, pacing, timing, handlingStartNanos);
    }

    private static InFlight delayed(
            ServerContext server,
            Exchange exchange,
            RouteResponse response,
            Pacing pacing,
            StreamTiming timing,
            long handlingStartNanos) {
        long modelledNanos =
                timing.scaled(pacing.firstByteDelayNanos())
                        + (pacing.hasFault(Fault.STALL) ? pacing.fault().orElseThrow().param() : 0);
        if (modelledNanos == 0) {
            respond(exchange, response, pacing);
            return null;
        }
        long dueNanos = handlingStartNanos + modelledNanos;
        long delayNanos = Math.max(0, dueNanos - exchange.ctx().executor().ticker().nanoTime());
        Future<?> task =
                exchange.ctx()
                        .executor()
                        .schedule(
                                () -> {
                                    server.lag.record(
                                            exchange.ctx().executor().ticker().nanoTime()
                                                    - dueNanos);
                                    respond(exchange, response, pacing);
                                },
                                delayNanos,
                                TimeUnit.NANOSECONDS);
        return () -> {
            if (task.cancel(false)) {
                cancelled(exchange, response, pacing);
            }
        };
    }

    private static void respond(Exchange exchange, RouteResponse response, Pacing pacing) {
        if (!exchange.ctx().channel().isActive()) {
            cancelled(exchange, response, pacing);
            return;
        }
        HttpResponseStatus status = HttpResponseStatus.valueOf(response.status());
        ByteBuf body = Unpooled.wrappedBuffer(response.body());
        if (pacing.hasFault(Fault.STREAM_RESET)) {
            pacing.listener()
                    .ended(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE, response.status(), 1.0);
            UpstreamFaults.resetMidBody(
                    exchange, status, response.contentType(), response.headers(), body);
            return;
        }
        if (pacing.hasFault(Fault.PROTOCOL_ERROR)) {
            body.writerIndex(body.readableBytes() / 2);
            pacing.listener()
                    .ended(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE, response.status(), 1.0);
        } else {
            pacing.listener().ended(Settlement.End.COMPLETED, response.status(), 1.0);
        }
        exchange.send(status, response.contentType(), body, response.headers());
    }

    private static InFlight streamed(
            Exchange exchange,
            RouteResponse response,
            Pacing pacing,
            StreamTiming timing,
            long handlingStartNanos) {
        HttpResponse head =
                new DefaultHttpResponse(
                        HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(response.status()),
                        Exchange.RESPONSE_HEADERS);
        head.headers().set(CONTENT_TYPE, response.contentType()).set(TRANSFER_ENCODING, CHUNKED);
        response.headers().forEach(head.headers()::set);
        exchange.decorate(head);
        boolean sse = response.contentType().startsWith("text/event-stream");
        PacedBody body =
                new PacedBody(
                        exchange.ctx(),
                        exchange.ctx().pipeline().context(MockServerInitializer.WIRE),
                        response.body(),
                        pacing,
                        sse,
                        () -> exchange.ctx().write(head),
                        timing,
                        (end, partsWritten) ->
                                pacing.listener()
                                        .ended(
                                                end,
                                                response.status(),
                                                (double) partsWritten / pacing.parts()),
                        exchange::complete);
        body.start(handlingStartNanos);
        return new InFlight() {
            @Override
            public void cancel() {
                body.cancel();
            }

            @Override
            public void writabilityChanged() {
                body.writabilityChanged();
            }
        };
    }

    private static void cancelled(Exchange exchange, RouteResponse response, Pacing pacing) {
        pacing.listener().ended(Settlement.End.CLIENT_CANCELLED, response.status(), 0.0);
        exchange.complete();
    }
}
