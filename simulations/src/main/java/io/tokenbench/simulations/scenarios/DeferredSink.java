package io.tokenbench.simulations.scenarios;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.JobTimeline;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.simulations.record.AbortWatch;
import io.tokenbench.simulations.record.PairedDifferences;
import io.tokenbench.simulations.record.RunSink;
import io.tokenbench.simulations.record.TimelineSink;
import java.util.Map;

/**
 * A sink whose target is opened when the first virtual user runs ({@link #begin()} calls the plan's
 * start), so the run's clock, and with it the warm-up window, starts with the load rather than with
 * Gatling's start-up (hundreds of ms, more with many scenarios). Lock-free once open.
 */
final class DeferredSink implements TimelineSink {
    private final Runnable starter;
    private final int lane;
    private final PairedDifferences pairs;
    private final AbortWatch abortWatch;
    private volatile RunSink target;
    private volatile long graceEndNanos = Long.MAX_VALUE;
    private volatile long measuredFromNanos = Long.MIN_VALUE;
    private volatile long measuredToNanos = Long.MAX_VALUE;

    /**
     * {@code pairs} (may be null) also receives this lane's measured timelines as side {@code
     * lane}; {@code abortWatch} counts every recorded request.
     */
    DeferredSink(Runnable starter, int lane, PairedDifferences pairs, AbortWatch abortWatch) {
        this.starter = starter;
        this.lane = lane;
        this.pairs = pairs;
        this.abortWatch = abortWatch;
    }

    @Override
    public void begin() {
        if (target == null) {
            starter.run(); // synchronized and idempotent: the first user of any lane opens every
            // lane
        }
    }

    /**
     * Opens {@code sink}; exchanges ending after {@code graceEndNanos} are left unfinished; {@code
     * measuredWindow} ({from, to} in nanoTime) selects the requests that are paired.
     */
    void open(RunSink sink, long graceEndNanos, long[] measuredWindow) {
        this.graceEndNanos = graceEndNanos;
        this.measuredFromNanos = measuredWindow[0];
        this.measuredToNanos = measuredWindow[1];
        target = sink;
    }

    RunSink target() {
        return target;
    }

    @Override
    public void scheduled(long tSchedNanos) {
        RunSink t = target;
        if (t != null) {
            t.scheduled(tSchedNanos);
        }
    }

    @Override
    public void scheduled(long tSchedNanos, EndpointClass endpoint) {
        RunSink t = target;
        if (t != null) {
            t.scheduled(tSchedNanos, endpoint);
        }
    }

    /** Scheduled in the measured window (closed model: sent in it), as the recorder decides. */
    private boolean measured(RequestTimeline t) {
        long sched = RequestTimeline.present(t.tSchedNanos()) ? t.tSchedNanos() : t.tSendNanos();
        return sched - measuredFromNanos >= 0 && sched - measuredToNanos < 0;
    }

    @Override
    public boolean wantsSampleText() {
        RunSink t = target;
        return t == null || t.wantsSampleText();
    }

    @Override
    public boolean wantsErrorSample(EndpointClass endpoint, Outcome outcome, int status) {
        RunSink t = target;
        return t != null && t.wantsErrorSample(endpoint, outcome, status);
    }

    @Override
    public void errorSample(
            EndpointClass endpoint,
            Outcome outcome,
            int status,
            Map<String, String> headers,
            String body) {
        RunSink t = target;
        if (t != null && System.nanoTime() - graceEndNanos <= 0) {
            t.errorSample(endpoint, outcome, status, headers, body);
        }
    }

    @Override
    public void finishedJob(JobTimeline job) {
        RunSink t = target;
        if (t != null
                && System.nanoTime() - graceEndNanos
                        <= 0) { // as finished(): late jobs stay unfinished
            t.finishedJob(job);
            abortWatch.finished(job.outcome().isSuccess());
        }
    }

    @Override
    public void finished(long index, RequestTimeline timeline, String sampleText) {
        RunSink t = target;
        // metrics.md: a request not finished by the end of the grace period is a timeout; the
        // recorder
        // counts it as unfinished at close. So an exchange that ends after that (typically cut when
        // Gatling
        // stops at its max duration) is not recorded as a reset of its own.
        if (t != null && System.nanoTime() - graceEndNanos <= 0) {
            t.finished(index, timeline, sampleText);
            abortWatch.finished(timeline.outcome().isSuccess());
            if (pairs != null && measured(timeline)) {
                pairs.offer(lane, index, timeline);
            }
        }
    }
}
