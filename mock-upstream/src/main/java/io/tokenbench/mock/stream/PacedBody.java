package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.routing.Pacing;

/**
 * A route response body written in parts at paced times (speech audio chunks), the chat stream's
 * machinery for a body that is already built: tasks scheduled on the channel's event loop at
 * absolute due times (the first byte delay, then each part's gap, stretched by the load slowdown),
 * each write one HTTP chunk through a {@link DirectSink}, a pause while the channel is not
 * writable, the scheduling lag of every write recorded, and the in-response faults of {@link
 * Pacing}: {@code stall} (a longer gap after the first part), {@code stream_reset} (TCP reset after
 * K parts), {@code slow_drip} (the parts go through a {@link DripSink}, a few bytes per interval,
 * as chat's events do), and for SSE bodies {@code stream_error_event} / {@code protocol_error} (an
 * error or cut-off event after K parts).
 *
 * <p>The head is written by {@code writeHead} together with the first part. Thread-safety: every
 * method runs on the channel's event loop.
 */
public final class PacedBody extends PacedWriter {

    /**
     * Told once how the body ended and how many parts the client was sent, before the last bytes
     * are written (so a client that has read the whole body finds the request settled).
     */
    @FunctionalInterface
    public interface Listener {
        void ended(Settlement.End end, int partsWritten);
    }

    private static final byte[] CUT_OFF_EVENT =
            JsonText.ascii("data: {\"type\":\"speech.audio.delta\",\"audio\":\"\n\n");
    private final byte[] body;
    private final Pacing pacing;
    private final boolean sse;
    private final Runnable writeHead;
    private final Listener listener;
    private final Runnable written;
    private final int faultPart;
    private int part;
    private boolean ended;

    /** The sink has written the body's end (a drip can still hold bytes after the last part). */
    private boolean handedOver;

    /**
     * @param ctx the HTTP handler's context
     * @param wire the context of a handler below the HTTP codec (see {@link DirectSink})
     * @param body the whole body; {@code pacing} must be streamed and cover it
     * @param sse whether the body is {@code text/event-stream} (for the in-band faults)
     * @param writeHead writes (without flushing) the chunked response head; run before the first
     *     part
     * @param written run once after the body's end was handed to Netty, or the body was cancelled
     *     or reset
     */
    public PacedBody(
            ChannelHandlerContext ctx,
            ChannelHandlerContext wire,
            byte[] body,
            Pacing pacing,
            boolean sse,
            Runnable writeHead,
            StreamTiming timing,
            Listener listener,
            Runnable written) {
        super(ctx, sinkFor(ctx, wire, pacing), timing);
        this.body = body;
        this.pacing = pacing;
        this.sse = sse;
        this.writeHead = writeHead;
        this.listener = listener;
        this.written = written;
        this.faultPart = faultPart(pacing, sse);
    }

    /**
     * Schedules the head and first part at the first byte delay (stretched by the load slowdown)
     * after {@code fromNanos} (the event loop ticker's time when the request's handling started).
     */
    public void start(long fromNanos) {
        scheduleAt(fromNanos + timing.scaled(pacing.firstByteDelayNanos()));
    }

    /**
     * The client went away: stop and report the parts written so far (nothing to report when the
     * body had already ended; a drip still holding bytes drops them).
     */
    @Override
    public void cancel() {
        if (handedOver) {
            return;
        }
        cancelPending();
        sink.discard();
        end(Settlement.End.CLIENT_CANCELLED);
        finished();
    }

    @Override
    protected void failed() {
        end(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
        finished();
    }

    @Override
    protected boolean isOver() {
        return ended;
    }

    @Override
    protected void emitDue() {
        if (part == 0) {
            writeHead.run();
        }
        if (part == faultPart) {
            injectFault();
            return;
        }
        int start = pacing.partStart(part);
        int length = pacing.partEnd(part) - start;
        ByteBuf out = sink.allocate(length);
        try {
            out.writeBytes(body, start, length);
        } catch (RuntimeException e) {
            out.release(); // not handed to the sink yet
            throw e;
        }
        part++;
        if (part == pacing.parts()) {
            end(Settlement.End.COMPLETED);
            sink.end(out, this::finished);
            return;
        }
        sink.write(out);
        long gapNanos = timing.scaled(pacing.gapNanos(part));
        if (part == 1 && pacing.hasFault(Fault.STALL)) {
            gapNanos += pacing.fault().orElseThrow().param();
        }
        scheduleAfter(gapNanos);
    }

    private void injectFault() {
        Fault fault = pacing.fault().orElseThrow().fault();
        switch (fault) {
            case STREAM_RESET -> {
                sink.discard();
                end(
                        Settlement.End
                                .UPSTREAM_ERROR_MID_RESPONSE); // before close() reports the client
                // gone
                finished();
                resetConnection();
            }
            case STREAM_ERROR_EVENT -> {
                ByteBuf out = sink.allocate(256);
                ChunkEncoder.serverErrorEvent(out);
                end(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
                sink.end(out, this::finished);
            }
            case PROTOCOL_ERROR -> {
                ByteBuf out = sink.allocate(CUT_OFF_EVENT.length);
                out.writeBytes(CUT_OFF_EVENT);
                end(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
                sink.end(out, this::finished);
            }
            default -> throw new IllegalStateException("not a paced-body fault: " + fault);
        }
    }

    /** Runs {@code written} once. */
    private void finished() {
        if (!handedOver) {
            handedOver = true;
            written.run();
        }
    }

    private void end(Settlement.End how) {
        if (ended) {
            return;
        }
        ended = true;
        listener.ended(how, part);
    }

    private static EventSink sinkFor(
            ChannelHandlerContext ctx, ChannelHandlerContext wire, Pacing pacing) {
        if (!pacing.streamed()) {
            throw new IllegalArgumentException("pacing is not streamed");
        }
        return pacing.hasFault(Fault.SLOW_DRIP)
                ? new DripSink(ctx, pacing.fault().orElseThrow().param())
                : new DirectSink(ctx, wire);
    }

    /**
     * The part before which a mid-body fault acts: after K parts, or before the last if shorter; -1
     * for none.
     */
    private static int faultPart(Pacing pacing, boolean sse) {
        boolean acts =
                pacing.hasFault(Fault.STREAM_RESET)
                        || (sse
                                && (pacing.hasFault(Fault.STREAM_ERROR_EVENT)
                                        || pacing.hasFault(Fault.PROTOCOL_ERROR)));
        if (!acts) {
            return -1;
        }
        return (int) Math.min(pacing.fault().orElseThrow().param(), pacing.parts() - 1);
    }
}
