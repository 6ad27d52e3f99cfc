package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.behavior.TokenText;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ChatRequest;
import io.tokenbench.mock.openai.FinishReason;
import io.tokenbench.mock.openai.IdSource;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.openai.ToolArguments;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One SSE chat completion stream after its headers were written: a state machine driven by tasks
 * scheduled on the channel's event loop at absolute intended times (TTFT, then the drawn inter-token
 * gaps), so delays never accumulate drift and no thread sleeps.
 *
 * <p>Step 0 writes the role event and the first content event of every choice; each later step one
 * content event (up to {@code tokensPerChunk} tokens) per unfinished choice; a choice's finish event
 * follows its last content event; after the last choice finishes come the usage event (when asked)
 * and {@code data: [DONE]}, and the body ends. When the channel is not writable the stream pauses
 * until it is (back-pressure) and then continues from the current time.
 *
 * <p>Thread-safety: every method runs on the channel's event loop.
 */
public final class ChatStream implements Runnable {

    /** Told once how the stream ended and how many output tokens it emitted. */
    @FunctionalInterface
    public interface Listener {
        void ended(Settlement.End end, long completionTokens);
    }

    private final ChannelHandlerContext ctx;
    private final ChunkEncoder encoder;
    private final ChatRequest request;
    private final RequestPlan plan;
    private final IdSource ids;
    private final StreamTiming timing;
    private final Listener listener;
    private final EventSink sink;
    private final ToolArguments toolArguments;
    private final byte[] functionName;
    private final int[] emitted;
    private final int faultStep;
    private int step;
    private long dueNanos;
    private boolean recordLag = true;
    private boolean pausedForBackPressure;
    private boolean ended;
    private Future<?> pending;

    /**
     * @param ctx  the HTTP handler's context (the head was written through it)
     * @param wire the context of a handler below the HTTP codec, for pre-framed chunks (see {@link DirectSink})
     */
    public ChatStream(ChannelHandlerContext ctx, ChannelHandlerContext wire, ChunkEncoder encoder, ChatRequest request,
            RequestPlan plan, IdSource ids, StreamTiming timing, Listener listener) {
        this.ctx = ctx;
        this.encoder = encoder;
        this.request = request;
        this.plan = plan;
        this.ids = ids;
        this.timing = timing;
        this.listener = listener;
        this.sink = plan.hasFault(Fault.SLOW_DRIP) ? new DripSink(ctx, plan.faultParam())
                : new DirectSink(ctx, wire);
        this.toolArguments = request.toolCall().map(ToolArguments::new).orElse(null);
        this.functionName = request.toolCall().map(c -> JsonText.escaped(c.functionName())).orElse(null);
        this.emitted = new int[plan.choices()];
        this.faultStep = midStreamFaultStep(plan);
    }

    /** Schedules the first step at TTFT (stretched by the load slowdown) from now. */
    public void start() {
        dueNanos = now() + timing.scaled(plan.ttftNanos());
        schedule();
    }

    /** The client went away: stop, drop what is held back, report the tokens emitted so far. */
    public void cancel() {
        if (ended) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        sink.discard();
        end(Settlement.End.CLIENT_CANCELLED);
    }

    /** Resumes a stream paused by back-pressure once the channel is writable again. */
    public void writabilityChanged() {
        if (pausedForBackPressure && ctx.channel().isWritable() && !ended) {
            pausedForBackPressure = false;
            recordLag = false; // the wait was the client's, not the scheduler's
            dueNanos = now();
            run();
        }
    }

    @Override
    public void run() {
        pending = null;
        if (ended) {
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
        if (step == faultStep) {
            injectFault();
            return;
        }
        emitStep();
    }

    private void emitStep() {
        ByteBuf out = sink.allocate(512 * plan.choices());
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
            sink.write(out);
            scheduleNext();
            return;
        }
        if (request.includeUsage() && !plan.hasFault(Fault.USAGE_MISSING)) {
            encoder.usage(out, request.promptTokens(), emittedTotal());
        }
        if (!plan.hasFault(Fault.MISSING_DONE)) {
            ChunkEncoder.done(out);
        }
        sink.end(out, () -> end(Settlement.End.COMPLETED));
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
        dueNanos += gapNanos;
        schedule();
    }

    private void injectFault() {
        Fault fault = plan.fault().orElseThrow().fault();
        ByteBuf out = sink.allocate(256);
        switch (fault) {
            case STREAM_RESET -> {
                out.release();
                sink.discard();
                end(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE); // before close() reports the client gone
                // SO_LINGER 0 makes close() send a TCP RST instead of a FIN.
                ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                ctx.channel().close();
            }
            case STREAM_ERROR_EVENT -> {
                ChunkEncoder.errorEvent(out, ApiError.envelope("The server had an error while processing your"
                        + " request. Sorry about that!", "server_error", null, null));
                sink.end(out, () -> end(Settlement.End.UPSTREAM_ERROR_MID_RESPONSE));
            }
            case PROTOCOL_ERROR -> {
                encoder.malformed(out, 0);
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

    private void schedule() {
        long delayNanos = Math.max(0, dueNanos - now());
        pending = ctx.executor().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }

    private long now() {
        return ctx.executor().ticker().nanoTime();
    }

    /** The step before which a mid-stream fault acts: after K steps, or before the last if shorter. */
    private static int midStreamFaultStep(RequestPlan plan) {
        if (!(plan.hasFault(Fault.STREAM_RESET) || plan.hasFault(Fault.STREAM_ERROR_EVENT)
                || plan.hasFault(Fault.PROTOCOL_ERROR))) {
            return -1;
        }
        int steps = 1;
        for (int choice = 0; choice < plan.choices(); choice++) {
            steps = Math.max(steps, (plan.outputTokens(choice) + plan.tokensPerChunk() - 1) / plan.tokensPerChunk());
        }
        return (int) Math.min(plan.faultParam(), steps - 1);
    }
}
