package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.behavior.TokenText;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.openai.ChatRequest;
import io.tokenbench.mock.openai.FinishReason;
import io.tokenbench.mock.openai.IdSource;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.openai.ToolArguments;

/**
 * One SSE chat completion stream after its headers were written: a state machine driven by tasks
 * scheduled on the channel's event loop at absolute intended times (TTFT, then the drawn
 * inter-token gaps), so delays never accumulate drift and no thread sleeps.
 *
 * <p>Step 0 writes the role event and the first content event of every choice; each later step one
 * content event (up to {@code tokensPerChunk} tokens) per unfinished choice; a choice's finish
 * event follows its last content event; after the last choice finishes come the usage event (when
 * asked) and {@code data: [DONE]}, and the body ends. When the channel is not writable the stream
 * pauses until it is (back-pressure) and then continues from the current time.
 *
 * <p>Thread-safety: every method runs on the channel's event loop.
 */
public final class ChatStream extends PacedWriter {

    /** Told once how the stream ended and how many output tokens it emitted. */
    @FunctionalInterface
    public interface Listener {
        void ended(Settlement.End end, long completionTokens);
    }

    private final StreamEncoder encoder;
    private final ChatRequest request;
    private final RequestPlan plan;
    private final IdSource ids;
    private final Listener listener;
    private final ToolArguments toolArguments;
    private final byte[] functionName;
    private final int[] emitted;
    private final int faultStep;
    private int step;
    private boolean ended;

    /**
     * @param ctx the HTTP handler's context (the head was written through it)
     * @param wire the context of a handler below the HTTP codec, for pre-framed chunks (see {@link
     *     DirectSink})
     */
    public ChatStream(
            ChannelHandlerContext ctx,
            ChannelHandlerContext wire,
            StreamEncoder encoder,
            ChatRequest request,
            RequestPlan plan,
            IdSource ids,
            StreamTiming timing,
            Listener listener) {
        super(
                ctx,
                plan.hasFault(Fault.SLOW_DRIP)
                        ? new DripSink(ctx, plan.faultParam())
                        : new DirectSink(ctx, wire),
                timing);
        this.encoder = encoder;
        this.request = request;
        this.plan = plan;
        this.ids = ids;
        this.listener = listener;
        this.toolArguments = request.toolCall().map(ToolArguments::new).orElse(null);
        this.functionName =
                request.toolCall().map(c -> JsonText.escaped(c.functionName())).orElse(null);
        this.emitted = new int[plan.choices()];
        this.faultStep = midStreamFaultStep(plan);
    }

    /** Schedules the first step at TTFT (stretched by the load slowdown) from now. */
    public void start() {
        if (encoder.hasOpening()) {
            ByteBuf opening = sink.allocate(2048);
            encoder.opening(opening);
            sink.write(opening);
        }
        scheduleAt(now() + timing.scaled(plan.ttftNanos()));
    }

    /** The client went away: stop, drop what is held back, report the tokens emitted so far. */
    @Override
    public void cancel() {
        if (ended) {
            return;
        }
        cancelPending();
        sink.discard();
        end(Settlement.End.CLIENT_CANCELLED);
    }

    @Override
    protected void failed() {
        end(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE);
    }

    @Override
    protected boolean isOver() {
        return ended;
    }

    @Override
    protected void emitDue() {
        if (step == faultStep) {
            injectFault();
            return;
        }
        emitStep();
    }

    private void emitStep() {
        ByteBuf out = sink.allocate(512 * plan.choices());
        boolean allFinished;
        try {
            allFinished = encodeStep(out);
        } catch (RuntimeException e) {
            out.release(); // not handed to the sink yet
            throw e;
        }
        if (!allFinished) {
            sink.write(out);
            scheduleNext();
            return;
        }
        sink.end(out, () -> end(Settlement.End.COMPLETED));
    }

    /** Encodes this step's events into {@code out}; true when the body ends with them. */
    private boolean encodeStep(ByteBuf out) {
        boolean allFinished = true;
        for (int choice = 0; choice < plan.choices(); choice++) {
            int tokens = plan.outputTokens(choice);
            if (step > 0 && emitted[choice] == tokens) {
                continue; // finished in an earlier step
            }
            if (step == 0) {
                encoder.role(out, choice, toolArguments != null);
                if (toolArguments != null && tokens > 0) {
                    encoder.toolStart(out, choice, ids.toolCallId(), functionName);
                }
            }
            writeTokens(out, choice, Math.min(plan.tokensPerChunk(), tokens - emitted[choice]));
            if (emitted[choice] == tokens) {
                encoder.finish(out, choice, FinishReason.of(request, plan, choice));
            } else {
                allFinished = false;
            }
        }
        step++;
        if (!allFinished) {
            return false;
        }
        if (request.includeUsage() && !plan.hasFault(Fault.USAGE_MISSING)) {
            encoder.usage(out, request.promptTokens(), emittedTotal());
        }
        if (!plan.hasFault(Fault.MISSING_DONE)) {
            encoder.end(out);
        }
        return true;
    }

    private void writeTokens(ByteBuf out, int choice, int count) {
        if (count <= 0) {
            return;
        }
        int tokens = plan.outputTokens(choice);
        if (toolArguments != null) {
            encoder.openToolArguments(out, choice);
            for (int i = 0; i < count; i++) {
                out.writeBytes(toolArguments.fragment(emitted[choice]++, tokens, plan.nextWord()));
            }
            encoder.closeToolArguments(out);
        } else {
            encoder.openContent(out, choice);
            for (int i = 0; i < count; i++) {
                out.writeBytes(TokenText.bytes(plan.nextWord(), emitted[choice]++ == 0));
            }
            encoder.closeContent(out);
        }
    }

    private void scheduleNext() {
        long gapNanos = 0;
        for (int i = 0; i < plan.tokensPerChunk(); i++) {
            gapNanos += plan.nextItlNanos();
        }
        gapNanos = timing.scaled(gapNanos);
        if (step == 1 && plan.hasFault(Fault.STALL)) {
            gapNanos += plan.faultParam();
        }
        scheduleAfter(gapNanos);
    }

    /** Allocates only in the branch that hands the buffer to the sink, so a throw leaks nothing. */
    private void injectFault() {
        Fault fault = plan.fault().orElseThrow().fault();
        switch (fault) {
            case STREAM_RESET -> {
                sink.discard();
                end(
                        Settlement.End
                                .UPSTREAM_ERROR_MID_RESPONSE); // before close() reports the client
                // gone
                resetConnection();
            }
            case STREAM_ERROR_EVENT -> {
                ByteBuf out = sink.allocate(256);
                try {
                    encoder.midStreamError(out);
                } catch (RuntimeException e) {
                    out.release();
                    throw e;
                }
                sink.end(out, () -> end(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE));
            }
            case PROTOCOL_ERROR -> {
                ByteBuf out = sink.allocate(256);
                try {
                    encoder.malformed(out, 0);
                } catch (RuntimeException e) {
                    out.release();
                    throw e;
                }
                sink.end(out, () -> end(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE));
            }
            default -> throw new IllegalStateException("not a mid-stream fault: " + fault);
        }
    }

    private void end(Settlement.End how) {
        if (ended) {
            return;
        }
        ended = true;
        listener.ended(how, emittedTotal());
    }

    private long emittedTotal() {
        long total = 0;
        for (int count : emitted) {
            total += count;
        }
        return total;
    }

    /**
     * The step before which a mid-stream fault acts: after K steps, or before the last if shorter.
     */
    private static int midStreamFaultStep(RequestPlan plan) {
        if (!(plan.hasFault(Fault.STREAM_RESET)
                || plan.hasFault(Fault.STREAM_ERROR_EVENT)
                || plan.hasFault(Fault.PROTOCOL_ERROR))) {
            return -1;
        }
        int steps = 1;
        for (int choice = 0; choice < plan.choices(); choice++) {
            steps =
                    Math.max(
                            steps,
                            (plan.outputTokens(choice) + plan.tokensPerChunk() - 1)
                                    / plan.tokensPerChunk());
        }
        return (int) Math.min(plan.faultParam(), steps - 1);
    }
}
