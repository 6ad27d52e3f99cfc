package io.tokenbench.mock.stream;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.util.internal.DefaultPriorityQueue;
import io.netty.util.internal.PriorityQueueNode;
import io.tokenbench.mock.logging.RateLimitedLog;

/**
 * The timing skeleton shared by {@link ChatStream} and {@link PacedBody}: writes run on the
 * channel's event loop at absolute due times, queued in the loop's {@link EmissionScheduler} (so
 * delays never accumulate drift and no thread sleeps); each run records its scheduling lag, stops
 * when the client is gone, and pauses while the channel is not writable (back-pressure), continuing
 * from the current time once it is. Subclasses say what is due ({@link #emitDue}) and when they are
 * over.
 *
 * <p>An exception from {@link #emitDue} never escapes to the event loop: it is logged (rate
 * limited, with its stack trace), the pending write is cancelled, the sink drops what it holds, the
 * subclass settles the stream once as an upstream error ({@link #failed}) and the connection is
 * closed, so neither the reservation nor a buffer waits for the idle timeout. {@link #emitDue} must
 * release any buffer it allocated and had not handed to the sink before it throws.
 *
 * <p>Thread-safety: every method runs on the channel's event loop.
 */
abstract class PacedWriter implements Runnable, PriorityQueueNode {

    private static final RateLimitedLog LOG = RateLimitedLog.named("io.tokenbench.mock.stream");

    protected final ChannelHandlerContext ctx;
    protected final EventSink sink;
    protected final StreamTiming timing;
    private final EmissionScheduler scheduler;
    private long dueNanos;
    private boolean recordLag = true;
    private boolean pausedForBackPressure;
    private int queueIndex = INDEX_NOT_IN_QUEUE;
    private long scheduledSequence;

    /** Must be constructed on the channel's event loop. */
    PacedWriter(ChannelHandlerContext ctx, EventSink sink, StreamTiming timing) {
        this.ctx = ctx;
        this.sink = sink;
        this.timing = timing;
        this.scheduler = EmissionScheduler.of(ctx.executor());
        sink.onFailure(this::fail);
    }

    /** The due time of the next write (event loop ticker time). */
    final long dueNanos() {
        return dueNanos;
    }

    /** The scheduler's order among writers due at the same time. */
    final long scheduledSequence() {
        return scheduledSequence;
    }

    final void scheduledSequence(long sequence) {
        scheduledSequence = sequence;
    }

    @Override
    public final int priorityQueueIndex(DefaultPriorityQueue<?> queue) {
        return queueIndex;
    }

    @Override
    public final void priorityQueueIndex(DefaultPriorityQueue<?> queue, int i) {
        queueIndex = i;
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
        scheduler.schedule(this);
    }

    /** Schedules the next write {@code gapNanos} after the current one's due time. */
    protected final void scheduleAfter(long gapNanos) {
        scheduleAt(dueNanos + gapNanos);
    }

    /** Cancels the scheduled write, if any. */
    protected final void cancelPending() {
        if (queueIndex != INDEX_NOT_IN_QUEUE) {
            scheduler.cancel(this);
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
