package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;

/**
 * Writes each step's events as one HTTP chunk and flushes at once. Writes use the void promise (no
 * listener allocated per event): a failed write fires {@code exceptionCaught}, and the connection
 * handler closes the channel, which cancels the stream.
 */
final class DirectSink implements EventSink {

    private final ChannelHandlerContext ctx;

    DirectSink(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void write(ByteBuf events) {
        ctx.writeAndFlush(new DefaultHttpContent(events), ctx.voidPromise());
    }

    @Override
    public void end(ByteBuf events, Runnable afterEnd) {
        ctx.writeAndFlush(new DefaultLastHttpContent(events)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        afterEnd.run();
    }

    @Override
    public void discard() {
        // Nothing is held back.
    }
}
