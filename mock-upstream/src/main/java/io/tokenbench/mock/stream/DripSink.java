package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code slow_drip} fault: holds the stream's bytes and writes {@value #PIECE_BYTES} bytes per
 * interval, so events arrive split across reads. The body ends once everything has dripped out.
 */
final class DripSink implements EventSink {

    static final int PIECE_BYTES = 16;
    private final ChannelHandlerContext ctx;
    private final long intervalNanos;
    private final CompositeByteBuf pending;
    private Future<?> tick;
    private Runnable afterEnd;
    private boolean discarded;
    private Consumer<RuntimeException> onFailure = e -> closeAfter(e);

    DripSink(ChannelHandlerContext ctx, long intervalNanos) {
        this.ctx = ctx;
        this.intervalNanos = Math.max(1, intervalNanos);
        this.pending = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
    }

    @Override
    public ByteBuf allocate(int capacity) {
        return ctx.alloc().buffer(capacity);
    }

    @Override
    public void write(ByteBuf events) {
        if (discarded) {
            events.release();
            return;
        }
        pending.addComponent(true, events);
        if (tick == null) {
            tick = ctx.executor().schedule(this::drip, intervalNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void end(ByteBuf events, Runnable afterEnd) {
        this.afterEnd = afterEnd;
        write(events);
    }

    @Override
    public void discard() {
        if (discarded) {
            return; // already discarded, or everything was written and released
        }
        discarded = true;
        if (tick != null) {
            tick.cancel(false);
        }
        pending.release();
    }

    /** Without a writer's handler: drop what is held and close. */
    private void closeAfter(RuntimeException error) {
        discard();
        ctx.channel().close();
    }

    @Override
    public void onFailure(Consumer<RuntimeException> handler) {
        this.onFailure = handler;
    }

    /** One scheduled piece; an exception goes to the writer's failure handler, never the loop. */
    private void drip() {
        try {
            dripPiece();
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    private void dripPiece() {
        tick = null;
        if (discarded) {
            return;
        }
        if (!ctx.channel().isActive()) {
            return; // the stream's cancel path discards
        }
        // A copy, not a retained slice: discardReadComponents() frees components a slice would
        // still see.
        int length = Math.min(PIECE_BYTES, pending.readableBytes());
        ByteBuf piece = ctx.alloc().buffer(length);
        pending.readBytes(piece, length);
        pending.discardReadComponents();
        ctx.writeAndFlush(new DefaultHttpContent(piece))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (pending.isReadable()) {
            tick = ctx.executor().schedule(this::drip, intervalNanos, TimeUnit.NANOSECONDS);
        } else if (afterEnd != null) {
            discarded = true;
            pending.release();
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            afterEnd.run();
        }
    }
}
