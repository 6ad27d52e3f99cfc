package io.tokenbench.benchmarks.e2e;

import io.tokenbench.benchmarks.client.ChatClient;
import io.tokenbench.benchmarks.client.ChatPrompt;
import io.tokenbench.benchmarks.client.ClientKind;
import io.tokenbench.benchmarks.client.StreamCall;
import io.tokenbench.benchmarks.target.BenchTarget;
import io.tokenbench.benchmarks.target.TargetKind;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * One chat workload per method, for every client and target: what a request costs end to end, and
 * (on {@code MOCK_ZERO}) what the client itself costs. SDK minus lean client at the same tokens is
 * the SDK's cost per request; the slope over {@code tokens} of {@code stream} is its cost per
 * streamed token ({@code cli.OverheadTable} computes both). {@code completeThreads4} shares one
 * client among four threads (closed loop: the latencies carry coordinated omission, as every
 * closed-loop JMH number does); {@code streamRate} gives streams and tokens per second at four
 * threads.
 *
 * <p>The in-process mock competes with the client for the CPU; on {@code MOCK_ZERO} the numbers are
 * loopback round trips including the mock's own work, identical for every client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ChatBench {

    @Param({"SDK", "JDK", "NETTY"})
    public ClientKind client;

    @Param({"MOCK_ZERO", "MOCK_REALISTIC"})
    public TargetKind target;

    /**
     * Output tokens per answer (the mock writes exactly this many, one per chunk; a live model may
     * stop early).
     */
    @Param({"16", "128"})
    public int tokens;

    private BenchTarget started;
    private ChatClient chat;

    @Setup(Level.Trial)
    public void start() {
        started = BenchTarget.open(target, tokens);
        chat =
                client.open(
                        started.endpoint(),
                        new ChatPrompt(
                                started.endpoint().model(), ChatPrompt.DEFAULT_USER_TEXT, tokens));
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (chat != null) {
                chat.close();
            }
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    /** A non-streamed completion. */
    @Benchmark
    public long complete() {
        long n = chat.complete();
        started.checkTokens(n, tokens);
        return n;
    }

    /** {@link #complete} with four threads sharing the client. */
    @Benchmark
    @Threads(4)
    public long completeThreads4() {
        return complete();
    }

    /** A streamed completion read to {@code [DONE]}. */
    @Benchmark
    public long stream() {
        long n;
        try (StreamCall call = chat.stream()) {
            n = call.awaitEnd();
        }
        started.checkTokens(n, tokens);
        return n;
    }

    /**
     * Streams per second with four threads sharing the client, and tokens per second as the
     * auxiliary counter (JMH reports {@code @AuxCounters} in throughput and average-time modes
     * only).
     */
    @Benchmark
    @Threads(4)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long streamRate(TokenCounter counter) {
        long n = stream();
        counter.add(n);
        return n;
    }

    /**
     * Request start to the first content event; the rest is drained after the invocation (untimed).
     */
    @Benchmark
    public void firstToken(PendingStream pending) {
        StreamCall call = chat.stream();
        pending.call = call;
        pending.check = n -> started.checkTokens(n, tokens);
        call.awaitFirstContent();
    }
}
