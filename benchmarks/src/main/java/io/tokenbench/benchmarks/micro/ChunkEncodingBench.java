package io.tokenbench.benchmarks.micro;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The mock's chunk encoding: one whole stream of {@code tokens} content events encoded into a
 * pooled direct buffer (what the mock's event loop writes to), encoder construction included as the
 * mock builds one per stream. Divide by {@code tokens} for the cost per token.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class ChunkEncodingBench {

    @Param({"16", "256"})
    public int tokens;

    private final SplittableRandom random = new SplittableRandom(42);
    private ByteBuf out;

    @Setup(Level.Trial)
    public void allocate() {
        out = PooledByteBufAllocator.DEFAULT.directBuffer(tokens * 256);
    }

    @TearDown(Level.Trial)
    public void release() {
        out.release();
    }

    @Benchmark
    public int encodeStream() {
        out.clear();
        MockStreamBytes.write(out, "chatcmpl-bench0001", tokens, random);
        return out.readableBytes();
    }
}
