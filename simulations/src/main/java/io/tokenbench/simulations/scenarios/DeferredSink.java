package io.tokenbench.simulations.scenarios;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.JobTimeline;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.simulations.record.PairedDifferences;
import io.tokenbench.simulations.record.RunSink;
import io.tokenbench.simulations.record.TimelineSink;

/**
 * A sink whose target is opened when the first virtual user runs ({@link #begin()} calls the plan's
 * start), so the run's clock, and with it the warm-up window, starts with the load rather than with
 * Gatling's start-up (hundreds of ms, more with many scenarios). Lock-free once open.
 */
final class DeferredSink implements TimelineSink {
    private final Runnable starter;
    private final int lane;
    private final PairedDifferences pairs;
    private volatile RunSink target;
    private volatile long graceEndNanos = Long.MAX_VALUE;

    /** {@code pairs} (may be null) also receives this lane's timelines as side {@code lane}. */
    DeferredSink(Runnable starter, int lane, PairedDifferences pairs) {
        this.starter = starter;
        this.lane = lane;
        this.pairs = pairs;
    }

    @Override
    public void begin() {
        if (target == null) {
            starter.run(); // synchronized and idempotent: the first user of any lane opens every
            // lane
        }
    }

    /** Opens {@code sink}; exchanges ending after {@code graceEndNanos} are left unfinished. */
    void open(RunSink sink, long graceEndNanos) {
        this.graceEndNanos = graceEndNanos;
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

    @Override
    public void finishedJob(JobTimeline job) {
        RunSink t = target;
        if (t != null
                && System.nanoTime() - graceEndNanos
                        <= 0) { // as finished(): late jobs stay unfinished
            t.finishedJob(job);
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
            if (pairs != null) {
                pairs.offer(lane, index, timeline);
            }
        }
    }
}
