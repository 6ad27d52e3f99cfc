package io.tokenbench.simulations.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.JobTimeline;
import io.tokenbench.reports.record.Metric;
import io.tokenbench.reports.record.MetricDerivation;
import io.tokenbench.reports.record.MetricSink;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.Phase;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.Window;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * One run's series in {@link InjectorMetrics}. Recording a request costs array indexing and a few
 * uncontended {@link LongAdder} updates: no label lookup, no Prometheus client call, no allocation;
 * its latency samples are counted first in a per-thread scratch and added once per bucket touched
 * ({@link LiveHistogram}). Everything the exposition shows (label sets, cumulative buckets,
 * seconds, in-flight, the end-of-run timeouts) is derived at scrape time by {@link #collect}.
 *
 * <p>Counts follow {@code RunRecorder}: a request belongs to the phase of its t_sched, and once
 * {@link #runEnded()} was called what was scheduled but never finished counts as {@code
 * timeout_idle} (the recorder does the same at close), so the final values equal {@code
 * summary.json}'s. Thread-safe.
 */
public final class RunMetrics {

    private static final EndpointClass[] CLASSES = EndpointClass.values();
    private static final Phase[] PHASES = Phase.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final int TIMEOUT_IDLE = Outcome.TIMEOUT_IDLE.ordinal();

    /** Index of each exposed latency in {@link InjectorMetrics#LATENCIES}; -1: not exposed. */
    private static final int[] LATENCY_INDEX = latencyIndex();

    private static final int LATENCIES = InjectorMetrics.LATENCIES.size();

    /** Where each latency's buckets start in a {@link Scratch}, and the scratch's length. */
    private static final int[] SCRATCH_OFFSET = new int[LATENCIES + 1];

    static {
        for (int i = 0; i < LATENCIES; i++) {
            SCRATCH_OFFSET[i + 1] =
                    SCRATCH_OFFSET[i] + InjectorMetrics.LATENCY_BOUNDS.get(i).length + 1;
        }
    }

    private static final long[][] BOUNDS_NANOS = new long[LATENCIES][];
    private static final int[][] OCTAVE_STARTS = new int[LATENCIES][];

    static {
        for (int i = 0; i < LATENCIES; i++) {
            BOUNDS_NANOS[i] = LiveHistogram.nanos(InjectorMetrics.LATENCY_BOUNDS.get(i));
            OCTAVE_STARTS[i] = LiveHistogram.octaveStarts(BOUNDS_NANOS[i]);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final RunClock clock;
    private final Window window;
    private final long createdMillis = System.currentTimeMillis();

    /** [class][phase] */
    private final LongAdder[][] scheduled;

    /** [class][phase][outcome] */
    private final LongAdder[][][] finished;

    private final LongAdder[] outputTokens;
    private final LongAdder[] inputTokens;

    /** [class][latency] */
    private final LiveHistogram[][] latencies;

    /** The label sets, resolved once: [class], [class][phase], [class][phase][outcome]. */
    private final Labels[] classLabels;

    private final Labels[][] phaseLabels;
    private final Labels[][][] outcomeLabels;
    private final Labels runLabels;
    private volatile boolean closed;

    RunMetrics(
            InjectorMetrics m,
            String runId,
            String scenario,
            String injector,
            RunClock clock,
            Window window) {
        this.clock = clock;
        this.window = window;
        int classes = CLASSES.length;
        scheduled = new LongAdder[classes][PHASES.length];
        finished = new LongAdder[classes][PHASES.length][OUTCOMES.length];
        outputTokens = new LongAdder[classes];
        inputTokens = new LongAdder[classes];
        latencies = new LiveHistogram[classes][LATENCIES];
        classLabels = new Labels[classes];
        phaseLabels = new Labels[classes][PHASES.length];
        outcomeLabels = new Labels[classes][PHASES.length][OUTCOMES.length];
        runLabels =
                Labels.of(
                        InjectorMetrics.RUN_ID, runId,
                        InjectorMetrics.SCENARIO, scenario,
                        InjectorMetrics.INJECTOR, injector);
        for (EndpointClass c : CLASSES) {
            int i = c.ordinal();
            classLabels[i] = runLabels.add(InjectorMetrics.CLASS, c.wireName());
            for (Phase p : PHASES) {
                scheduled[i][p.ordinal()] = new LongAdder();
                phaseLabels[i][p.ordinal()] =
                        classLabels[i].add(InjectorMetrics.PHASE, p.wireName());
                for (Outcome o : OUTCOMES) {
                    finished[i][p.ordinal()][o.ordinal()] = new LongAdder();
                    outcomeLabels[i][p.ordinal()][o.ordinal()] =
                            phaseLabels[i][p.ordinal()].add(InjectorMetrics.OUTCOME, o.wireName());
                }
            }
            outputTokens[i] = new LongAdder();
            inputTokens[i] = new LongAdder();
            for (int l = 0; l < LATENCIES; l++) {
                latencies[i][l] = new LiveHistogram(InjectorMetrics.LATENCY_BOUNDS.get(l));
            }
        }
        m.add(this);
    }

    /** An arrival of {@code endpoint} became due at {@code tSchedNanos}. */
    public void scheduled(long tSchedNanos, EndpointClass endpoint) {
        if (closed) {
            return;
        }
        scheduled[endpoint.ordinal()][phase(tSchedNanos)].increment();
    }

    /** A request finished (whatever its outcome). */
    public void finished(RequestTimeline t) {
        if (closed) {
            return;
        }
        int c = t.endpoint().ordinal();
        finished[c][phase(t.tSchedNanos())][t.outcome().ordinal()].increment();
        if (t.outcome().isSuccess()) {
            long out = t.outputTokens();
            if (out > 0) {
                outputTokens[c].add(out);
            }
            if (t.promptTokens() > 0) {
                inputTokens[c].add(t.promptTokens());
            }
        }
        Scratch s = SCRATCH.get();
        MetricDerivation.derive(t, s);
        s.flushTo(latencies[c]);
    }

    /** A video job finished. */
    public void finished(JobTimeline j) {
        if (closed) {
            return;
        }
        int c = EndpointClass.VIDEO.ordinal();
        finished[c][phase(j.tSchedNanos())][j.outcome().ordinal()].increment();
        Scratch s = SCRATCH.get();
        MetricDerivation.derive(j, s);
        s.flushTo(latencies[c]);
    }

    /**
     * The run ended (its recorder closed): from now on what is still pending counts as {@code
     * timeout_idle}, nothing is in flight, {@code tokenbench_run_ended} is 1, and later calls are
     * ignored. Idempotent.
     */
    public void runEnded() {
        closed = true;
    }

    private int phase(long tSchedNanos) {
        long at = RequestTimeline.present(tSchedNanos) ? tSchedNanos : System.nanoTime();
        return window.phaseOf(clock.sinceStartNanos(at)).ordinal();
    }

    /** Appends this run's data points, as they are now, to the families' lists. */
    void collect(
            List<CounterDataPointSnapshot> scheduledOut,
            List<CounterDataPointSnapshot> requestsOut,
            List<GaugeDataPointSnapshot> inFlightOut,
            List<CounterDataPointSnapshot> outputTokensOut,
            List<CounterDataPointSnapshot> inputTokensOut,
            List<List<HistogramDataPointSnapshot>> latenciesOut,
            List<GaugeDataPointSnapshot> endedOut) {
        boolean ended = closed;
        for (int c = 0; c < CLASSES.length; c++) {
            long inFlight = 0;
            for (int p = 0; p < PHASES.length; p++) {
                long due = scheduled[c][p].sum();
                long[] byOutcome = new long[OUTCOMES.length];
                long done = 0;
                for (int o = 0; o < OUTCOMES.length; o++) {
                    byOutcome[o] = finished[c][p][o].sum();
                    done += byOutcome[o];
                }
                long pending = Math.max(0, due - done);
                if (ended) {
                    byOutcome[TIMEOUT_IDLE] += pending; // as RunRecorder does at close
                } else {
                    inFlight += pending;
                }
                scheduledOut.add(counter(due, phaseLabels[c][p]));
                for (int o = 0; o < OUTCOMES.length; o++) {
                    requestsOut.add(counter(byOutcome[o], outcomeLabels[c][p][o]));
                }
            }
            inFlightOut.add(new GaugeDataPointSnapshot(inFlight, classLabels[c], null));
            outputTokensOut.add(counter(outputTokens[c].sum(), classLabels[c]));
            inputTokensOut.add(counter(inputTokens[c].sum(), classLabels[c]));
            for (int l = 0; l < LATENCIES; l++) {
                LiveHistogram h = latencies[c][l];
                latenciesOut
                        .get(l)
                        .add(
                                new HistogramDataPointSnapshot(
                                        ClassicHistogramBuckets.of(
                                                h.upperBoundsWithInf(), h.bucketCounts()),
                                        h.sumSeconds(),
                                        classLabels[c],
                                        Exemplars.EMPTY,
                                        createdMillis));
            }
        }
        endedOut.add(new GaugeDataPointSnapshot(ended ? 1 : 0, runLabels, null));
    }

    private CounterDataPointSnapshot counter(long value, Labels labels) {
        return new CounterDataPointSnapshot(value, labels, null, createdMillis);
    }

    private static int[] latencyIndex() {
        int[] index = new int[Metric.values().length];
        java.util.Arrays.fill(index, -1);
        index[Metric.TTFT.ordinal()] = 0;
        index[Metric.ITL.ordinal()] = 1;
        index[Metric.TPOT.ordinal()] = 2;
        index[Metric.E2E.ordinal()] = 3;
        index[Metric.DISPATCH_LAG.ordinal()] = 4;
        return index;
    }

    /**
     * One thread's counts of the request being recorded: bucket counts of every exposed latency
     * side by side, their sums, and whether the latency got a sample.
     */
    private static final class Scratch implements MetricSink {
        private final long[] counts = new long[SCRATCH_OFFSET[LATENCIES]];
        private final long[] sumNanos = new long[LATENCIES];
        private final boolean[] touched = new boolean[LATENCIES];

        @Override
        public void accept(Metric metric, long storedValue) {
            int l = LATENCY_INDEX[metric.ordinal()];
            if (l < 0) {
                return; // other metrics stay in the run folder's histograms only
            }
            counts[
                    SCRATCH_OFFSET[l]
                            + LiveHistogram.bucketOf(
                                    BOUNDS_NANOS[l], OCTAVE_STARTS[l], storedValue)]++;
            sumNanos[l] += storedValue;
            touched[l] = true;
        }

        void flushTo(LiveHistogram[] histograms) {
            for (int l = 0; l < LATENCIES; l++) {
                if (touched[l]) {
                    histograms[l].add(counts, SCRATCH_OFFSET[l], sumNanos[l]);
                    sumNanos[l] = 0;
                    touched[l] = false;
                }
            }
        }
    }
}
