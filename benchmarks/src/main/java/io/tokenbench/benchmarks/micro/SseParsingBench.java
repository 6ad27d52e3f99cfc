package io.tokenbench.benchmarks.micro;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tokenbench.benchmarks.sse.EventKind;
import io.tokenbench.benchmarks.sse.SseFramer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SSE framing and event classification of the lean clients over the bytes of a real mock stream
 * ({@value #TOKENS} tokens), fed in reads of {@code readBytes} (a small read splits events, a large
 * one delivers many at once). Setup checks that the parse counts every token, so a broken framer
 * fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class SseParsingBench {

    static final int TOKENS = 256;

    /** Bytes per read: below one event, about one TCP segment, many events. */
    @Param({"64", "1460", "16384"})
    public int readBytes;

    private byte[] stream;
    private long contentEvents;

    @Setup(Level.Trial)
    public void encode() {
        ByteBuf out = Unpooled.buffer();
        MockStreamBytes.write(out, "chatcmpl-bench0001", TOKENS, new SplittableRandom(7));
        stream = ByteBufUtil.getBytes(out);
        out.release();
        long counted = parse();
        if (counted != TOKENS) {
            throw new IllegalStateException(
                    "the framer counted " + counted + " content events, expected " + TOKENS);
        }
    }

    @Benchmark
    public long parse() {
        contentEvents = 0;
        SseFramer framer = new SseFramer(this::onEvent);
        for (int at = 0; at < stream.length; at += readBytes) {
            framer.feed(stream, at, Math.min(readBytes, stream.length - at));
        }
        return contentEvents;
    }

    private void onEvent(byte[] bytes, int from, int to) {
        if (EventKind.of(bytes, from, to) == EventKind.CONTENT) {
            contentEvents++;
        }
    }
}
