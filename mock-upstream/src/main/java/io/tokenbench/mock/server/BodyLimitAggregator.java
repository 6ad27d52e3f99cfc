package io.tokenbench.mock.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
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
        ApiError error = ApiError.bodyTooLarge(server.config.maxBodyBytes());
        FullHttpResponse response =
                new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1,
                        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                        Unpooled.wrappedBuffer(error.jsonBytes()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, Exchange.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(Exchange.X_REQUEST_ID, server.ids(server.nextRequestNumber()).requestId());
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
}
