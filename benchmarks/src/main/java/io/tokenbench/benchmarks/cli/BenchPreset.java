package io.tokenbench.benchmarks.cli;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long and how often each benchmark (one method at one parameter set) runs. QUICK answers in
 * about 17 s per parameter set on 2 cores (a first look, CI smoke, the committed baseline); its 10
 * s of warm-up is what the openai-java SDK needs to reach steady state (its first call alone takes
 * seconds of class loading, and its rate keeps rising for several seconds of JIT; with 2 s of
 * warm-up its cost per request came out ten times too high). RIGOROUS is the default: two forks and
 * enough iterations for error bars worth comparing (about 85 s per parameter set).
 */
public enum BenchPreset {
    QUICK(1, 2, TimeValue.seconds(5), 2, TimeValue.seconds(2)),
    RIGOROUS(2, 3, TimeValue.seconds(5), 5, TimeValue.seconds(5));

    private final int forks;
    private final int warmupIterations;
    private final TimeValue warmupTime;
    private final int measurementIterations;
    private final TimeValue measurementTime;

    BenchPreset(
            int forks,
            int warmupIterations,
            TimeValue warmupTime,
            int measurementIterations,
            TimeValue measurementTime) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
    }

    /** Sets forks, warm-up and measurement on {@code builder}. */
    public ChainedOptionsBuilder apply(ChainedOptionsBuilder builder) {
        return builder.forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(warmupTime)
                .measurementIterations(measurementIterations)
                .measurementTime(measurementTime);
    }
}
