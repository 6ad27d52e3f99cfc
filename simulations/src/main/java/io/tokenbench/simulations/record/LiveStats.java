package io.tokenbench.simulations.record;

import io.tokenbench.reports.record.JobTimeline;
import io.tokenbench.reports.record.MetricDerivation;
import io.tokenbench.reports.record.RequestTimeline;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Running totals for the progress line only (never written to the run folder): requests sent and
 * finished, failures, and the ttft samples {@link MetricDerivation} derives, kept in a cumulative
 * histogram. Writers are lock-free; {@link #snapshot()} is for one reader thread.
 */
public final class LiveStats {
    private final LongAdder scheduled = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Recorder ttftNanos = new Recorder(3);
    private final Histogram ttftTotal = new Histogram(3);
    private Histogram spare;

    public void scheduled() {
        scheduled.increment();
    }

    public void finished(RequestTimeline t) {
        finished.increment();
        if (!t.outcome().isSuccess()) {
            failed.increment();
        }
        long ttft = MetricDerivation.ttftNanos(t);
        if (ttft != MetricDerivation.NOT_APPLICABLE) {
            ttftNanos.recordValue(ttft);
        }
    }

    public void finished(JobTimeline j) {
        finished.increment();
        if (!j.outcome().isSuccess()) {
            failed.increment();
        }
    }

    /** Totals so far; ttft p99 is NaN before the first token. */
    public Snapshot snapshot() {
        spare = ttftNanos.getIntervalHistogram(spare);
        ttftTotal.add(spare);
        double p99Millis =
                ttftTotal.getTotalCount() == 0
                        ? Double.NaN
                        : ttftTotal.getValueAtPercentile(99) / 1e6;
        return new Snapshot(scheduled.sum(), finished.sum(), failed.sum(), p99Millis);
    }

    /** Totals at one moment. */
    public record Snapshot(long scheduled, long finished, long failed, double ttftP99Millis) {}
}
