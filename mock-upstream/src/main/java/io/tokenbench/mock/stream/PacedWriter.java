package io.tokenbench.mock.stream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.tokenbench.mock.logging.RateLimitedLog;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The timing skeleton shared by {@link ChatStream} and {@link PacedBody}: writes run as tasks
 * scheduled on the channel's event loop at absolute due times (so delays never accumulate drift and
 * no thread sleeps); each run records its scheduling lag, stops when the client is gone, and pauses
 * while the channel is not writable (back-pressure), continuing from the current time once it is.
 * Subclasses say what is due ({@link #emitDue}) and when they are over.
 *
 * <p>An exception from {@link #emitDue} never escapes to the event loop: it is logged (rate
 * limited, with its stack trace), the pending write is cancelled, the sink drops what it holds, the
 * subclass settles the stream once as an upstream error ({@link #failed}) and the connection is
 * closed, so neither the reservation nor a buffer waits for the idle timeout. {@link #emitDue} must
 * release any buffer it allocated and had not handed to the sink before it throws.
 *
 * <p>Thread-safety: every method runs on the channel's event loop.
 */
abstract class PacedWriter implements Runnable {

    private static final RateLimitedLog LOG = RateLimitedLog.named("io.tokenbench.mock.stream");

    protected final ChannelHandlerContext ctx;
    protected final EventSink sink;
    protected final StreamTiming timing;
    private long dueNanos;
    private boolean recordLag = true;
    private boolean pausedForBackPressure;
    private Future<?> pending;

    PacedWriter(ChannelHandlerContext ctx, EventSink sink, StreamTiming timing) {
        this.ctx = ctx;
        this.sink = sink;
        this.timing = timing;
        sink.onFailure(this::fail);
    }

    /** Writes what is due now and schedules the next write, or ends. */
    protected abstract void emitDue();

    /** True once nothing more is to be written. */
    protected abstract boolean isOver();

    /** The client went away: stop and report. */
    public abstract void cancel();

    /**
     * {@link #emitDue} threw: settle as an upstream error mid-response, unless already settled.
     * Called once, after the sink was discarded; the connection is closed afterwards.
     */
    protected abstract void failed();

    /** Resumes writing paused by back-pressure once the channel is writable again. */
    public final void writabilityChanged() {
        if (pausedForBackPressure && ctx.channel().isWritable() && !isOver()) {
            pausedForBackPressure = false;
            recordLag = false; // the wait was the client's, not the scheduler's
            dueNanos = now();
            run();
        }
    }

    @Override
    public final void run() {
        pending = null;
        if (isOver()) {
            return;
        }
        if (!ctx.channel().isActive()) {
            cancel();
            return;
        }
        if (!ctx.channel().isWritable()) {
            pausedForBackPressure = true;
            timing.onPause().run();
            return;
        }
        if (recordLag) {
            timing.lag().record(now() - dueNanos);
        }
        recordLag = true;
        try {
            emitDue();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(RuntimeException error) {
        LOG.error("a paced response failed; closing its connection", error);
        cancelPending();
        try {
            sink.discard();
        } finally {
            try {
                failed();
            } finally {
                ctx.channel().close();
            }
        }
    }

    /** Schedules the next write at {@code dueNanos} (event loop ticker time). */
    protected final void scheduleAt(long dueNanos) {
        this.dueNanos = dueNanos;
        pending =
                ctx.executor().schedule(this, Math.max(0, dueNanos - now()), TimeUnit.NANOSECONDS);
    }

    /** Schedules the next write {@code gapNanos} after the current one's due time. */
    protected final void scheduleAfter(long gapNanos) {
        scheduleAt(dueNanos + gapNanos);
    }

    /** Cancels the scheduled write, if any. */
    protected final void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Closes the connection with a TCP RST (SO_LINGER 0) instead of a FIN. */
    protected final void resetConnection() {
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.channel().close();
    }

    protected final long now() {
        return ctx.executor().ticker().nanoTime();
    }
}
