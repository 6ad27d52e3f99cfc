package io.tokenbench.simulations.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
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
import java.util.concurrent.atomic.LongAdder;

/**
 * One run's series in {@link InjectorMetrics}, every label combination resolved when the run opens,
 * so recording a request is array indexing plus counter and histogram updates: no lookup, no
 * allocation. Counts follow {@code RunRecorder}: a request belongs to the phase of its t_sched, and
 * at {@link #runEnded()} what was scheduled but never finished counts as {@code timeout_idle} (the
 * recorder does the same at close), so the final values equal {@code summary.json}'s. Thread-safe.
 */
public final class RunMetrics {

    private static final EndpointClass[] CLASSES = EndpointClass.values();
    private static final Phase[] PHASES = Phase.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final double NANOS_PER_SECOND = 1e9;

    private final RunClock clock;
    private final Window window;

    /** [class][phase] */
    private final CounterDataPoint[][] scheduled;

    /** [class][phase][outcome] */
    private final CounterDataPoint[][][] finished;

    /** What {@link #runEnded()} subtracts: [class][phase] scheduled minus finished. */
    private final LongAdder[][] pending;

    private final GaugeDataPoint[] inFlight;
    private final CounterDataPoint[] outputTokens;
    private final CounterDataPoint[] inputTokens;
    private final ClassSink[] sinks;
    private final GaugeDataPoint ended;
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
        scheduled = new CounterDataPoint[classes][PHASES.length];
        finished = new CounterDataPoint[classes][PHASES.length][OUTCOMES.length];
        pending = new LongAdder[classes][PHASES.length];
        inFlight = new GaugeDataPoint[classes];
        outputTokens = new CounterDataPoint[classes];
        inputTokens = new CounterDataPoint[classes];
        sinks = new ClassSink[classes];
        for (EndpointClass c : CLASSES) {
            int i = c.ordinal();
            String cls = c.wireName();
            for (Phase p : PHASES) {
                scheduled[i][p.ordinal()] =
                        m.scheduled.labelValues(runId, scenario, injector, cls, p.wireName());
                pending[i][p.ordinal()] = new LongAdder();
                for (Outcome o : OUTCOMES) {
                    finished[i][p.ordinal()][o.ordinal()] =
                            m.requests.labelValues(
                                    runId, scenario, injector, cls, p.wireName(), o.wireName());
                }
            }
            inFlight[i] = m.inFlight.labelValues(runId, scenario, injector, cls);
            outputTokens[i] = m.outputTokens.labelValues(runId, scenario, injector, cls);
            inputTokens[i] = m.inputTokens.labelValues(runId, scenario, injector, cls);
            sinks[i] =
                    new ClassSink(
                            m.ttft.labelValues(runId, scenario, injector, cls),
                            m.itl.labelValues(runId, scenario, injector, cls),
                            m.tpot.labelValues(runId, scenario, injector, cls),
                            m.e2e.labelValues(runId, scenario, injector, cls),
                            m.dispatchLag.labelValues(runId, scenario, injector, cls));
        }
        ended = m.runEnded.labelValues(runId, scenario, injector);
        ended.set(0);
    }

    /** An arrival of {@code endpoint} became due at {@code tSchedNanos}. */
    public void scheduled(long tSchedNanos, EndpointClass endpoint) {
        if (closed) {
            return;
        }
        int c = endpoint.ordinal();
        int p = phase(tSchedNanos);
        scheduled[c][p].inc();
        pending[c][p].increment();
        inFlight[c].inc();
    }

    /** A request finished (whatever its outcome). */
    public void finished(RequestTimeline t) {
        if (closed) {
            return;
        }
        int c = t.endpoint().ordinal();
        count(c, phase(t.tSchedNanos()), t.outcome());
        if (t.outcome().isSuccess()) {
            long out = t.outputTokens();
            if (out > 0) {
                outputTokens[c].inc(out);
            }
            if (t.promptTokens() > 0) {
                inputTokens[c].inc(t.promptTokens());
            }
        }
        MetricDerivation.derive(t, sinks[c]);
    }

    /** A video job finished. */
    public void finished(JobTimeline j) {
        if (closed) {
            return;
        }
        int c = EndpointClass.VIDEO.ordinal();
        count(c, phase(j.tSchedNanos()), j.outcome());
        MetricDerivation.derive(j, sinks[c]);
    }

    private void count(int c, int p, Outcome outcome) {
        finished[c][p][outcome.ordinal()].inc();
        pending[c][p].decrement();
        inFlight[c].dec();
    }

    /**
     * The run ended (its recorder closed): what is still pending counts as {@code timeout_idle},
     * nothing is in flight, {@code tokenbench_run_ended} becomes 1, and later calls are ignored.
     * Idempotent.
     */
    public synchronized void runEnded() {
        if (closed) {
            return;
        }
        closed = true;
        for (int c = 0; c < CLASSES.length; c++) {
            for (int p = 0; p < PHASES.length; p++) {
                long unfinished = pending[c][p].sum();
                if (unfinished > 0) {
                    finished[c][p][Outcome.TIMEOUT_IDLE.ordinal()].inc(unfinished);
                }
            }
            inFlight[c].set(0);
        }
        ended.set(1);
    }

    private int phase(long tSchedNanos) {
        long at = RequestTimeline.present(tSchedNanos) ? tSchedNanos : System.nanoTime();
        return window.phaseOf(clock.sinceStartNanos(at)).ordinal();
    }

    /** Routes one class's derived samples to its histograms, in seconds. */
    private static final class ClassSink implements MetricSink {
        private final DistributionDataPoint ttft;
        private final DistributionDataPoint itl;
        private final DistributionDataPoint tpot;
        private final DistributionDataPoint e2e;
        private final DistributionDataPoint dispatchLag;

        ClassSink(
                DistributionDataPoint ttft,
                DistributionDataPoint itl,
                DistributionDataPoint tpot,
                DistributionDataPoint e2e,
                DistributionDataPoint dispatchLag) {
            this.ttft = ttft;
            this.itl = itl;
            this.tpot = tpot;
            this.e2e = e2e;
            this.dispatchLag = dispatchLag;
        }

        @Override
        public void accept(Metric metric, long storedValue) {
            switch (metric) {
                case TTFT -> ttft.observe(storedValue / NANOS_PER_SECOND);
                case ITL -> itl.observe(storedValue / NANOS_PER_SECOND);
                case TPOT -> tpot.observe(storedValue / NANOS_PER_SECOND);
                case E2E -> e2e.observe(storedValue / NANOS_PER_SECOND);
                case DISPATCH_LAG -> dispatchLag.observe(storedValue / NANOS_PER_SECOND);
                default -> {
                    // other metrics stay in the run folder's histograms only
                }
            }
        }
    }
}
