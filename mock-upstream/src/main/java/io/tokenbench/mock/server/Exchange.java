package io.tokenbench.mock.server;

import static io.netty.handler.codec.http.HttpHeaderNames.CONNECTION;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE;
import static io.netty.handler.codec.http.HttpHeaderValues.CLOSE;
import static io.netty.handler.codec.http.HttpHeaderValues.KEEP_ALIVE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.IdSource;
import java.util.Map;

/**
 * One request/response on a connection: its id, keep-alive decision and the ways to answer it.
 * Every response carries {@code x-request-id}; every JSON body {@code Content-Type:
 * application/json}. {@link #complete()} tells the connection handler the response is fully
 * written. Event loop only.
 */
final class Exchange {

    static final AsciiString X_REQUEST_ID = AsciiString.cached("x-request-id");
    static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");

    /**
     * Response headers are the mock's own constants and ids: no need to validate them per response.
     */
    static final HttpHeadersFactory RESPONSE_HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    static final HttpHeadersFactory RESPONSE_TRAILERS =
            DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    private final ChannelHandlerContext ctx;
    private final long requestNumber;
    private final IdSource ids;
    private final String requestId;
    private final boolean keepAlive;
    private final Runnable onComplete;
    private final RequestGate gate;

    /** Writes complete responses below the codec; null when the pipeline has no ServerCodec. */
    private final PlainResponse plain;

    private boolean completed;

    /** Where {@link #decorate} counts the response (by route and status); none until set. */
    private io.tokenbench.mock.metrics.ResponseCounts responses;

    private int route;

    /**
     * @param gate supplies the headers every response carries in its style (e.g. {@code
     *     X-Oneapi-Request-Id})
     * @param plain the connection's writer of pre-encoded complete responses, or null
     */
    Exchange(
            ChannelHandlerContext ctx,
            long requestNumber,
            IdSource ids,
            boolean keepAlive,
            RequestGate gate,
            PlainResponse plain,
            Runnable onComplete) {
        this.ctx = ctx;
        this.gate = gate;
        this.plain = plain;
        this.requestNumber = requestNumber;
        this.ids = ids;
        this.requestId = ids.requestId();
        this.keepAlive = keepAlive;
        this.onComplete = onComplete;
    }

    ChannelHandlerContext ctx() {
        return ctx;
    }

    long requestNumber() {
        return requestNumber;
    }

    IdSource ids() {
        return ids;
    }

    String requestId() {
        return requestId;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /**
     * Sends {@code body} (owned by this call) as a complete response and completes the exchange.
     * The bytes in front of its reader index are the call's too: the head may be written there
     * (room a body writer left with {@code openai.BodyBuffers}); never pass a view whose memory
     * something else still reads.
     */
    void send(
            HttpResponseStatus status,
            CharSequence contentType,
            ByteBuf body,
            Map<String, String> headers) {
        Map<String, String> styled = gate.responseHeaders(requestId);
        if (plain != null) {
            ByteBuf whole =
                    plain.encode(status, contentType, body, headers, requestId, styled, keepAlive);
            if (whole != null) {
                count(status);
                write(plain.context(), whole);
                complete();
                return;
            }
        }
        FullHttpResponse response =
                new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1, status, body, RESPONSE_HEADERS, RESPONSE_TRAILERS);
        HttpHeaders h = response.headers();
        h.set(CONTENT_TYPE, contentType);
        h.setInt(CONTENT_LENGTH, body.readableBytes());
        if (!headers.isEmpty()) {
            headers.forEach(h::set);
        }
        decorate(response, styled);
        write(ctx, response);
        complete();
    }

    void sendJson(int status, byte[] body, Map<String, String> headers) {
        send(
                HttpResponseStatus.valueOf(status),
                APPLICATION_JSON,
                Unpooled.wrappedBuffer(body),
                headers);
    }

    void sendRoute(io.tokenbench.mock.routing.RouteResponse response) {
        send(
                HttpResponseStatus.valueOf(response.status()),
                response.contentType(),
                Unpooled.wrappedBuffer(response.body()),
                response.headers());
    }

    void sendError(ApiError error) {
        sendJson(error.status(), error.jsonBytes(), error.headers());
    }

    /** Counts this exchange's response in {@code counts} under {@code routeIndex}. */
    void countIn(io.tokenbench.mock.metrics.ResponseCounts counts, int routeIndex) {
        this.responses = counts;
        this.route = routeIndex;
    }

    /** Adds the common headers to a response head or full response, and counts it. */
    void decorate(HttpResponse response) {
        decorate(response, gate.responseHeaders(requestId));
    }

    private void decorate(HttpResponse response, Map<String, String> styled) {
        count(response.status());
        HttpHeaders h = response.headers();
        h.set(X_REQUEST_ID, requestId);
        if (!styled.isEmpty()) {
            styled.forEach(h::set);
        }
        if (!keepAlive) {
            h.set(CONNECTION, CLOSE);
        } else if (response.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            h.set(CONNECTION, KEEP_ALIVE);
        }
    }

    private void count(HttpResponseStatus status) {
        if (responses != null) {
            responses.count(route, status.code());
        }
    }

    /**
     * Writes a complete response (a {@code FullHttpResponse}, or its bytes below the codec) through
     * {@code context}; closes the connection afterwards unless keep-alive.
     */
    private void write(ChannelHandlerContext context, Object response) {
        if (keepAlive) {
            // Nothing waits on this write: a void promise spares the encoder its PromiseCombiner
            // (Netty writes the head and a body over 128 bytes as two buffers) and the listener
            // calls. A failed write reaches exceptionCaught, which closes the connection, as the
            // next read or write would have.
            context.writeAndFlush(response, context.voidPromise());
        } else {
            LingeringClose.after(context.writeAndFlush(response));
        }
    }

    /** The response has been handed to Netty completely (or the connection is gone). Idempotent. */
    void complete() {
        if (!completed) {
            completed = true;
            onComplete.run();
        }
    }
}
