package io.tokenbench.mock.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection the way HTTP servers must when request bytes may still be unread (RFC 9112
 * section 9.6, Apache's and nginx's "lingering close"): once the response is written, shut the
 * output down (the client sees a FIN after the answer), read and discard the input until the client
 * closes or {@link #LINGER_NANOS} pass, then close. Closing with unread bytes in the receive buffer
 * makes the kernel send a TCP reset, and a reset can destroy the answer before the client reads it.
 *
 * <p>Event loop only. Channels that cannot half-close (an {@code EmbeddedChannel}) are closed at
 * once.
 */
final class LingeringClose {

    /** How long the input is drained at most before the connection is closed anyway. */
    static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    static final String DRAIN = "linger-drain";

    private LingeringClose() {}

    /** Starts the lingering close once {@code written} (the last response write) completes. */
    static void after(ChannelFuture written) {
        written.addListener(
                (ChannelFuture f) -> {
                    if (f.isSuccess()) {
                        start(f.channel());
                    } else {
                        f.channel().close();
                    }
                });
    }

    /** Shuts the output down and drains the input; idempotent. */
    static void start(Channel channel) {
        if (!(channel instanceof DuplexChannel duplex) || !channel.isActive()) {
            channel.close();
            return;
        }
        if (channel.pipeline().get(DRAIN) != null) {
            return;
        }
        // First in the pipeline: the bytes never reach the HTTP decoder again.
        channel.pipeline().addFirst(DRAIN, new Drain());
        var timeout =
                channel.eventLoop()
                        .schedule((Runnable) channel::close, LINGER_NANOS, TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(f -> timeout.cancel(false));
        channel.config().setAutoRead(true);
        duplex.shutdownOutput()
                .addListener(
                        f -> {
                            if (!f.isSuccess()) {
                                channel.close();
                            }
                        });
    }

    /** Discards every read; closes at the client's end of input. */
    private static final class Drain extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            // Swallowed: the handlers above must not react to drained bytes.
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChannelInputShutdownEvent
                    || event instanceof ChannelInputShutdownReadComplete) {
                ctx.close();
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a reset from the client while draining: nothing left to deliver
        }
    }
}
