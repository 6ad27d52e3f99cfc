package io.tokenbench.mock.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.tokenbench.mock.openai.ApiError;

/**
 * Aggregates request bodies up to {@code --max-body}; a larger one gets 413 with an OpenAI-style
 * body and {@code x-request-id}. The connection stays open when the client asked for keep-alive
 * (the aggregator skips the rest of the body), else it is closed after the response with a {@link
 * LingeringClose}, so the client reads the 413 instead of a reset.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {

    private final ServerContext server;

    BodyLimitAggregator(ServerContext server) {
        super(server.config.maxBodyBytes());
        this.server = server;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        server.stats.received();
        server.stats.refused();
        FullHttpResponse response =
                errorResponse(ApiError.bodyTooLarge(server.config.maxBodyBytes()));
        countResponse(oversized, response);
        boolean keepOpen =
                HttpUtil.isKeepAlive(oversized) && !HttpUtil.is100ContinueExpected(oversized);
        if (!keepOpen) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var future = ctx.writeAndFlush(response);
        if (keepOpen) {
            future.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else {
            LingeringClose.after(future); // the body's bytes are still arriving
        }
    }

    /**
     * Netty answers an {@code Expect} it does not support (417) or a {@code 100-continue} body over
     * the limit (413) with an empty body; the mock's answers carry an OpenAI-style body like every
     * other error. The aggregator then skips that request's body; the connection stays open.
     */
    @Override
    protected Object newContinueResponse(
            HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (!(response instanceof FullHttpResponse netty)
                || netty.status().codeClass() != HttpStatusClass.CLIENT_ERROR) {
            return response;
        }
        int status = netty.status().code();
        ReferenceCountUtil.release(netty);
        server.stats.received();
        server.stats.refused();
        FullHttpResponse answer =
                errorResponse(
                        status == 413
                                ? ApiError.bodyTooLarge(maxContentLength)
                                : ApiError.expectationFailed());
        countResponse(start, answer);
        return answer;
    }

    /** In {@code /metrics}' responses by route and status, like every answer of the handlers. */
    private void countResponse(HttpMessage request, FullHttpResponse response) {
        int route =
                request instanceof HttpRequest r
                        ? server.responses.routeOf(r.uri())
                        : server.responses.other();
        server.responses.count(route, response.status().code());
    }

    private FullHttpResponse errorResponse(ApiError error) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(error.status()),
                        Unpooled.wrappedBuffer(error.jsonBytes()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, Exchange.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(Exchange.X_REQUEST_ID, server.ids(server.nextRequestNumber()).requestId());
        return response;
    }
}
