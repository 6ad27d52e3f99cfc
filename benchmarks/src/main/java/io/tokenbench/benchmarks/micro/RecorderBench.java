package io.tokenbench.benchmarks.micro;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RecorderConfig;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.RunRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * What a driver thread pays to record one finished streamed request into the reports {@link
 * RunRecorder} (metric derivation, one HdrHistogram {@code Recorder} per metric, counters), alone
 * and with every core recording at once, while the recorder's own reporter thread cuts 1 s
 * intervals into {@code metrics.hlog}. SampleTime, because the tail under contention is the point.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RecorderBench {

    /** Output events per recorded request (each adds an inter-token latency sample). */
    @Param({"1", "64"})
    public int events;

    private Path runDir;
    private RunRecorder recorder;

    @Setup(Level.Trial)
    public void start() throws IOException {
        runDir = Files.createTempDirectory("tokenbench-recorder-bench");
        RunClock clock = RunClock.now();
        recorder = RunRecorder.start(runDir, clock, RecorderConfig.DEFAULTS);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        recorder.close();
        try (Stream<Path> files = Files.walk(runDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.delete(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }

    /** One timeline per thread, built once: the benchmark measures recording, not building. */
    @State(Scope.Thread)
    public static class Timeline {
        RequestTimeline value;

        @Setup(Level.Trial)
        public void build(RecorderBench bench) {
            long t0 = System.nanoTime();
            long[] eventNanos = new long[bench.events];
            for (int i = 0; i < eventNanos.length; i++) {
                eventNanos[i] = t0 + 2_000_000L + i * 500_000L;
            }
            long end = eventNanos[eventNanos.length - 1] + 100_000L;
            value =
                    RequestTimeline.builder(EndpointClass.CHAT)
                            .sched(t0)
                            .send(t0 + 10_000L)
                            .headers(t0 + 1_000_000L)
                            .outputEvents(eventNanos)
                            .firstContent(eventNanos[0])
                            .done(end)
                            .usage(12, bench.events)
                            .clientCountedTokens(bench.events)
                            .outcome(Outcome.OK)
                            .build();
        }
    }

    @Benchmark
    @Threads(1)
    public void record(Timeline timeline) {
        recorder.record(timeline.value);
    }

    @Benchmark
    @Threads(Threads.MAX)
    public void recordContended(Timeline timeline) {
        recorder.record(timeline.value);
    }
}
