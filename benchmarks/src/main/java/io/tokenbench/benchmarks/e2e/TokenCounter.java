package io.tokenbench.benchmarks.e2e;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tokens received, per benchmark thread; JMH reports the public field as a rate ({@code tokens} in
 * ops/s, i.e. tokens per second) next to the streams per second of {@link ChatBench#streamRate}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class TokenCounter {

    /** Tokens received in this iteration (public: JMH reads it). */
    public long tokens;

    @Setup(Level.Iteration)
    public void reset() {
        tokens = 0;
    }

    void add(long count) {
        tokens += count;
    }
}
