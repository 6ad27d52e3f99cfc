package io.tokenbench.mock.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import io.tokenbench.mock.stats.ServerStats;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The deadline for receiving one whole request, head and body ({@code MockConfig.requestDeadline},
 * CLI {@code --request-deadline}). Unlike the reader-idle timer, which every byte resets, it starts
 * at the first byte of a request and stops when the decoder has produced the request's last
 * content, so a client that sends one byte per second is closed when it passes. An expired request
 * is counted ({@code request_deadline_exceeded} in {@code /admin/stats}); when nothing of a
 * response has been written since it started, {@link #EXPIRED} goes up the pipeline and the
 * exchange handler answers 408 and closes, else the connection is closed.
 *
 * <p>Two handlers share it: {@link #bytes()} below the HTTP codec (raw reads start the timer,
 * response writes are noticed) and {@link #requests()} above it (the request's end stops it). One
 * instance per channel; event loop only. Idle time between requests is not covered: that is the
 * idle timer's job; nor is time while the mock itself has paused reading (pipelined requests
 * queued), when the deadline starts again.
 */
final class RequestDeadline {

    /** The user event fired when a request was not received in time and no response started. */
    static final Object EXPIRED =
            new Object() {
                @Override
                public String toString() {
                    return "RequestDeadline.EXPIRED";
                }
            };

    private final long deadlineNanos;
    private final ServerStats stats;

    /**
     * The one timer of the channel, left running when a request ends: the next request moves its
     * deadline by setting {@link #startedNanos}, and the timer, when it fires early, waits the rest
     * (as Netty's IdleStateHandler does), so a stream of requests costs no timer work per request.
     */
    private Future<?> timer;

    /** Whether a request is being received, and when its first byte came. */
    private boolean receiving;

    private long startedNanos;
    private boolean responseStarted;

    RequestDeadline(long deadlineNanos, ServerStats stats) {
        this.deadlineNanos = deadlineNanos;
        this.stats = stats;
    }

    /** The handler below the HTTP codec. */
    ChannelDuplexHandler bytes() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!receiving && msg instanceof ByteBuf buf && buf.isReadable()) {
                    receiving = true;
                    responseStarted = false;
                    startedNanos = ctx.executor().ticker().nanoTime();
                    if (timer == null) {
                        schedule(ctx, deadlineNanos);
                    }
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                responseStarted = true;
                ctx.write(msg, promise);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        };
    }

    /** The handler above the HTTP codec. */
    ChannelInboundHandlerAdapter requests() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    receiving = false; // the timer, if it fires, finds nothing to do
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void stop() {
        receiving = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        timer = ctx.executor().schedule(() -> expire(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!receiving || !ctx.channel().isActive()) {
            return; // the request it was set for was received; the next read sets a new one
        }
        long leftNanos = startedNanos + deadlineNanos - ctx.executor().ticker().nanoTime();
        if (leftNanos > 0) {
            schedule(ctx, leftNanos); // set for an earlier request: this one started later
            return;
        }
        if (!ctx.channel().config().isAutoRead()) {
            // The mock paused reading (pipelined requests queued): the wait is not the client's.
            startedNanos = ctx.executor().ticker().nanoTime();
            schedule(ctx, deadlineNanos);
            return;
        }
        receiving = false;
        stats.requestDeadlineExceeded();
        if (responseStarted) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(EXPIRED);
        }
    }
}
