package io.tokenbench.reports.record;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Records a run into {@code metrics.hlog} and {@code outcomes.jsonl} in a run folder.
 *
 * <p>Threads: {@link #markScheduled}, {@link #record(RequestTimeline)} and {@link
 * #record(JobTimeline)} are called from any number of driver threads and never take a lock
 * (HdrHistogram {@code Recorder}s and {@code LongAdder}s). One reporter thread ({@link #start})
 * swaps every recorder at each interval boundary and appends the interval to the logs, flushed, so
 * a SIGKILL loses at most the interval in progress. {@link #close()} stops the reporter, writes the
 * last partial interval, counts scheduled-but-unfinished requests as {@code timeout_idle} and
 * closes the files: nothing recorded before close is lost.
 *
 * <p>Windows: each request goes to the {@link Phase} of its t_sched ({@link Window#phaseOf}); the
 * measured phase uses the plain metric name as {@code .hlog} tag, warm-up and cool-down are
 * prefixed ({@code warmup.ttft}). Intervals are cut by recording time, phases by t_sched.
 *
 * <p>Endpoint classes: when the config has per-class SLOs ({@link RecorderConfig#byClass()}), every
 * request is also recorded into the series and counts of its {@link EndpointClass} (tags {@code
 * images.e2e}, {@code warmup.images.e2e}; {@code "classes"} sections in {@code outcomes.jsonl}) and
 * judged good by its class's SLO. The plain series and counts stay the blend of all classes.
 *
 * <p>Besides the logs ({@link RecorderOptions}): every recorded request becomes a {@link
 * RequestRecord} queued to {@link RequestLog} ({@code requests.jsonl.gz}; the caller only pays for
 * building the record and a non-blocking queue offer), {@link #errorSampler()} keeps error samples
 * ({@code errors.jsonl}), and {@link RunEnd} marks the folder as being recorded until {@link
 * #close()} writes {@code end.json}.
 */
public final class RunRecorder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RunRecorder.class.getName());

    private final RunClock clock;
    private final RecorderConfig config;
    private final long intervalMillis;
    private final Map<Phase, PhaseCounts> totals = new EnumMap<>(Phase.class);

    /**
     * Two sets of recorders: writers record into {@link #active}; an interval cut makes the other
     * set active and waits (phaser flip) for the record calls still in the old one, so a request's
     * counts and its histograms always land in the same interval.
     */
    private final IntervalRecorders[] sets = new IntervalRecorders[2];

    private volatile IntervalRecorders active;

    private final PhaseCounts[][] classTotals;
    private final IntervalLogWriter writer;
    private final LongAdder droppedAfterClose = new LongAdder();
    private final Object rollLock = new Object();

    /** Lets close() wait for record calls already past the closed check (wait-free for writers). */
    private final WriterReaderPhaser closePhaser = new WriterReaderPhaser();

    private volatile boolean closed;
    private long intervalStartEpochMillis;
    private long lastIntervalEndEpochMillis;

    private static final Phase[] PHASES = Phase.values();
    private final Path runDir;
    private final RecorderOptions options;
    private final RequestLog requestLog;
    private final ErrorSampler errorSampler;
    private final AtomicLong nextRequestId = new AtomicLong();

    /**
     * Cuts the intervals of a started recorder: one daemon thread, a task per interval boundary.
     */
    private ScheduledExecutorService reporter;

    private RunRecorder(
            Path runDir, RunClock clock, RecorderConfig config, RecorderOptions options) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
        this.runDir = runDir;
        this.intervalMillis = config.interval().toMillis();
        for (Phase p : Phase.values()) {
            totals.put(p, PhaseCounts.ZERO);
        }
        sets[0] = IntervalRecorders.create(config.byClass());
        sets[1] = IntervalRecorders.create(config.byClass());
        active = sets[0];
        if (config.byClass()) {
            int classes = EndpointClass.values().length;
            classTotals = new PhaseCounts[classes][Phase.values().length];
            for (PhaseCounts[] row : classTotals) {
                Arrays.fill(row, PhaseCounts.ZERO);
            }
        } else {
            classTotals = null;
        }
        this.intervalStartEpochMillis = clock.startEpochMillis();
        this.writer = new IntervalLogWriter(runDir, clock.startEpochMillis());
        RunEnd.markStarted(runDir, clock.startEpochMillis());
        this.requestLog =
                options.requestLog()
                        ? RequestLog.open(
                                runDir.resolve(RequestLog.FILE), options.requestLogCapacity())
                        : null;
        this.errorSampler =
                ErrorSampler.open(
                        runDir,
                        options.errorSamplesPerKey(),
                        options.knownSecrets(),
                        options.injector());
    }

    /**
     * Opens the logs in {@code runDir} and starts the reporter thread (a daemon named
     * tokenbench-reporter).
     */
    public static RunRecorder start(Path runDir, RunClock clock, RecorderConfig config) {
        return start(runDir, clock, config, RecorderOptions.DEFAULTS);
    }

    /** Like {@link #start(Path, RunClock, RecorderConfig)} with request-log and sampler options. */
    public static RunRecorder start(
            Path runDir, RunClock clock, RecorderConfig config, RecorderOptions options) {
        RunRecorder r = new RunRecorder(runDir, clock, config, options);
        r.reporter =
                Executors.newSingleThreadScheduledExecutor(
                        task -> {
                            Thread t = new Thread(task, "tokenbench-reporter");
                            t.setDaemon(true);
                            return t;
                        });
        r.scheduleBoundary(r.nextBoundary(clock.startEpochMillis()));
        return r;
    }

    /**
     * Opens the logs without a reporter thread: the caller cuts intervals with {@link
     * #rollInterval(long)}. For tests, synthetic runs and drivers with their own scheduler.
     */
    public static RunRecorder manual(Path runDir, RunClock clock, RecorderConfig config) {
        return manual(runDir, clock, config, RecorderOptions.DEFAULTS);
    }

    /**
     * Like {@link #manual(Path, RunClock, RecorderConfig)} with request-log and sampler options.
     */
    public static RunRecorder manual(
            Path runDir, RunClock clock, RecorderConfig config, RecorderOptions options) {
        return new RunRecorder(runDir, clock, config, options);
    }

    /**
     * Keeps the first failed responses per (class, outcome, status) in {@code errors.jsonl};
     * drivers offer every failed response (thread-safe, bounded). Closed by {@link #close()}.
     */
    public ErrorSampler errorSampler() {
        return errorSampler;
    }

    /** Request records dropped so far because the writer fell behind (flags the run). */
    public long requestRecordsDropped() {
        return requestLog == null ? 0 : requestLog.dropped();
    }

    public RunClock clock() {
        return clock;
    }

    public RecorderConfig config() {
        return config;
    }

    /**
     * Counts one arrival of the load profile (offered load); call when the request is due.
     * Lock-free.
     */
    public void markScheduled(long tSchedNanos) {
        markScheduled(tSchedNanos, null);
    }

    /**
     * Counts one arrival of {@code endpoint} (null: no class; a per-class run then counts it in the
     * blend only). Lock-free.
     */
    public void markScheduled(long tSchedNanos, EndpointClass endpoint) {
        long token = closePhaser.writerCriticalSectionEnter();
        try {
            if (closed) {
                droppedAfterClose.increment();
                return;
            }
            int phase = phaseIndex(tSchedNanos);
            IntervalRecorders set = active;
            set.byPhase()[phase].counters().scheduled();
            if (set.byClass() != null && endpoint != null) {
                set.byClass()[endpoint.ordinal()][phase].counters().scheduled();
            }
        } finally {
            closePhaser.writerCriticalSectionExit(token);
        }
    }

    /** Records one finished request: its metric samples and its counts. Lock-free. */
    public void record(RequestTimeline t) {
        long token = closePhaser.writerCriticalSectionEnter();
        try {
            if (closed) {
                droppedAfterClose.increment();
                return;
            }
            int phase = phaseIndex(t.tSchedNanos());
            IntervalRecorders set = active;
            PhaseRecorders p = set.byPhase()[phase];
            boolean good = config.sloFor(t.endpoint()).isGood(t);
            if (set.byClass() == null) {
                MetricDerivation.derive(t, p);
            } else {
                PhaseRecorders c = set.byClass()[t.endpoint().ordinal()][phase];
                MetricDerivation.derive(
                        t,
                        (metric, value) -> {
                            p.accept(metric, value);
                            c.accept(metric, value);
                        });
                c.counters().add(t, good);
            }
            p.counters().add(t, good);
            if (requestLog != null) {
                requestLog.offer(
                        RequestRecord.of(
                                nextRequestId.incrementAndGet(),
                                t,
                                PHASES[phase],
                                options.injector(),
                                clock));
            }
        } finally {
            closePhaser.writerCriticalSectionExit(token);
        }
    }

    /** Records one finished video job. Lock-free. */
    public void record(JobTimeline j) {
        long token = closePhaser.writerCriticalSectionEnter();
        try {
            if (closed) {
                droppedAfterClose.increment();
                return;
            }
            int phase = phaseIndex(j.tSchedNanos());
            IntervalRecorders set = active;
            PhaseRecorders p = set.byPhase()[phase];
            boolean good = config.sloFor(EndpointClass.VIDEO).isGood(j);
            if (set.byClass() == null) {
                MetricDerivation.derive(j, p);
            } else {
                PhaseRecorders c = set.byClass()[EndpointClass.VIDEO.ordinal()][phase];
                MetricDerivation.derive(
                        j,
                        (metric, value) -> {
                            p.accept(metric, value);
                            c.accept(metric, value);
                        });
                c.counters().add(j, good);
            }
            p.counters().add(j, good);
            if (requestLog != null) {
                requestLog.offer(
                        RequestRecord.of(
                                nextRequestId.incrementAndGet(),
                                j,
                                PHASES[phase],
                                options.injector(),
                                clock));
            }
        } finally {
            closePhaser.writerCriticalSectionExit(token);
        }
    }

    /** Calls made after {@link #close()}: not recorded, counted here. */
    public long droppedAfterClose() {
        return droppedAfterClose.sum();
    }

    private int phaseIndex(long tSchedNanos) {
        // a request that never got a schedule or send time (refused before sending) belongs to
        // "now"
        long since =
                clock.sinceStartNanos(
                        RequestTimeline.present(tSchedNanos) ? tSchedNanos : System.nanoTime());
        return config.window().phaseOf(since).ordinal();
    }

    /**
     * Ends the current interval at {@code endEpochMillis}, appends it to both logs and flushes
     * them. Empty histograms are not written; an outcomes line is written for every interval. Only
     * for {@link #manual} recorders: a started recorder's reporter thread owns the intervals.
     */
    public void rollInterval(long endEpochMillis) {
        if (reporter != null) {
            throw new IllegalStateException("the reporter cuts this recorder's intervals");
        }
        synchronized (rollLock) {
            if (closed) {
                throw new IllegalStateException("recorder is closed");
            }
            writeInterval(endEpochMillis, false);
        }
    }

    private void writeInterval(long endEpochMillis, boolean last) {
        long start = intervalStartEpochMillis;
        long end = Math.max(endEpochMillis, start);
        IntervalRecorders ending = swapActive(last);
        Map<Phase, PhaseCounts> counts = new EnumMap<>(Phase.class);
        Map<Phase, Map<EndpointClass, PhaseCounts>> classCounts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            if (ending.byClass() != null) {
                classCounts.put(phase, writeClasses(ending, phase, start, end, last));
            }
            PhaseRecorders p = ending.byPhase()[phase.ordinal()];
            for (Metric m : Metric.values()) {
                Histogram h = p.takeInterval(m);
                if (h.getTotalCount() > 0) {
                    writer.histogram(phase.tag(m), start, end, h, m.unit());
                }
            }
            PhaseCounts c = p.counters().drain();
            if (last) {
                c = withUnfinished(totals.get(phase), c);
            }
            totals.put(phase, totals.get(phase).plus(c));
            counts.put(phase, c);
        }
        writer.outcomes(new OutcomesLine(start, end, counts, classCounts));
        writer.flush();
        intervalStartEpochMillis = end;
        lastIntervalEndEpochMillis = end;
    }

    /**
     * Makes the other recorder set active and returns the one that ends, once no record call is
     * still writing into it. At close (no writers left) the active set is the one that ends.
     */
    private IntervalRecorders swapActive(boolean last) {
        IntervalRecorders ending = active;
        if (last) {
            return ending;
        }
        active = ending == sets[0] ? sets[1] : sets[0];
        closePhaser.readerLock();
        try {
            closePhaser.flipPhase(); // every record call that read the old set has finished
        } finally {
            closePhaser.readerUnlock();
        }
        return ending;
    }

    /** Writes the per-class histograms of one phase and returns its per-class counts. */
    private Map<EndpointClass, PhaseCounts> writeClasses(
            IntervalRecorders ending, Phase phase, long start, long end, boolean last) {
        Map<EndpointClass, PhaseCounts> out = new EnumMap<>(EndpointClass.class);
        for (EndpointClass endpoint : EndpointClass.values()) {
            PhaseRecorders r = ending.byClass()[endpoint.ordinal()][phase.ordinal()];
            for (Metric m : Metric.values()) {
                Histogram h = r.takeInterval(m);
                if (h.getTotalCount() > 0) {
                    writer.histogram(phase.tag(SeriesKey.of(endpoint, m)), start, end, h, m.unit());
                }
            }
            PhaseCounts c = r.counters().drain();
            PhaseCounts before = classTotals[endpoint.ordinal()][phase.ordinal()];
            if (last) {
                c = withUnfinished(before, c);
            }
            classTotals[endpoint.ordinal()][phase.ordinal()] = before.plus(c);
            out.put(endpoint, c);
        }
        return out;
    }

    /** Scheduled but never recorded by close: a timeout (metrics.md "Windows"). */
    private PhaseCounts withUnfinished(PhaseCounts before, PhaseCounts c) {
        PhaseCounts total = before.plus(c);
        long unfinished = total.scheduled() - total.completed();
        if (unfinished <= 0) {
            return c;
        }
        EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        outcomes.putAll(c.outcomes());
        outcomes.merge(Outcome.TIMEOUT_IDLE, unfinished, Long::sum);
        return new PhaseCounts(
                c.scheduled(),
                c.sent(),
                c.completed(),
                outcomes,
                c.inputTokens(),
                c.outputTokens(),
                c.good(),
                c.microCredits(),
                c.tokenMismatch(),
                c.retryAfterCount(),
                c.retryAfterSumMillis(),
                c.retryAfterMaxMillis(),
                unfinished);
    }

    /** Runs {@link #cutAt} when the run clock reaches {@code boundaryEpochMillis}. */
    private void scheduleBoundary(long boundaryEpochMillis) {
        if (reporter.isShutdown()) {
            return; // closed while this interval was being written
        }
        long delayMillis = Math.max(0, boundaryEpochMillis - clock.nowEpochMillis());
        reporter.schedule(() -> cutAt(boundaryEpochMillis), delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * On the reporter thread: writes the interval ending at the boundary, then schedules the next
     * one.
     */
    private void cutAt(long boundaryEpochMillis) {
        if (clock.nowEpochMillis() < boundaryEpochMillis) {
            scheduleBoundary(boundaryEpochMillis); // woke early against the run clock
            return;
        }
        synchronized (rollLock) {
            if (closed) {
                return;
            }
            try {
                writeInterval(boundaryEpochMillis, false);
            } catch (RuntimeException e) {
                // the reporter thread goes on with the next interval; say why this one is missing
                LOG.log(System.Logger.Level.WARNING, "interval write failed", e);
            }
        }
        scheduleBoundary(nextBoundary(boundaryEpochMillis));
    }

    /**
     * The first interval boundary after {@code epochMillis}, aligned to a multiple of the interval.
     */
    long nextBoundary(long epochMillis) {
        return Math.floorDiv(epochMillis, intervalMillis) * intervalMillis + intervalMillis;
    }

    /**
     * Stops the reporter, writes the last (partial) interval ending now, and closes the logs.
     * Idempotent. Requests recorded after this are counted in {@link #droppedAfterClose()}.
     */
    @Override
    public void close() {
        closeAt(-1);
    }

    /**
     * Like {@link #close()}, with the last interval ending at {@code endEpochMillis} (manual
     * recorders).
     */
    public void closeAt(long endEpochMillis) {
        synchronized (rollLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closePhaser.readerLock();
        try {
            closePhaser.flipPhase(); // returns once every record call that missed the flag has
            // finished
        } finally {
            closePhaser.readerUnlock();
        }
        if (reporter != null) {
            reporter.shutdownNow(); // close() writes the last interval itself
            try {
                reporter.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (rollLock) {
            try {
                writeInterval(endEpochMillis < 0 ? clock.nowEpochMillis() : endEpochMillis, true);
            } finally {
                writer.close();
            }
        }
        RequestLog.Stats stats = requestLog == null ? null : requestLog.stats();
        errorSampler.close();
        new RunEnd(
                        lastIntervalEndEpochMillis,
                        droppedAfterClose.sum(),
                        stats == null ? -1 : stats.written(),
                        stats == null ? -1 : stats.dropped(),
                        errorSampler.kept())
                .markEnded(runDir);
    }
}
