package io.tokenbench.reports.record;

import java.time.Duration;

/**
 * Per-request service-level objectives for goodput (metrics.md "Run-level metrics"): a request is
 * good when it succeeded and met every bound that applies to it. {@link #UNBOUNDED} means "no
 * bound". A bound on a metric the request does not have (tpot of a one-token answer) is met.
 *
 * @param ttftSchedMaxNanos upper bound on ttft_sched
 * @param tpotMaxNanos upper bound on tpot
 * @param e2eSchedMaxNanos upper bound on e2e_sched (video jobs: submit-scheduled to completed)
 */
public record Slo(long ttftSchedMaxNanos, long tpotMaxNanos, long e2eSchedMaxNanos) {

    public static final long UNBOUNDED = Long.MAX_VALUE;

    /** No bounds: every successful request is good. */
    public static final Slo NONE = new Slo(UNBOUNDED, UNBOUNDED, UNBOUNDED);

    public Slo {
        if (ttftSchedMaxNanos <= 0 || tpotMaxNanos <= 0 || e2eSchedMaxNanos <= 0) {
            throw new IllegalArgumentException("SLO bounds must be positive");
        }
    }

    /** Builds an SLO from durations; {@code null} leaves that bound open. */
    public static Slo of(Duration ttftSchedMax, Duration tpotMax, Duration e2eSchedMax) {
        return new Slo(nanos(ttftSchedMax), nanos(tpotMax), nanos(e2eSchedMax));
    }

    public boolean isGood(RequestTimeline t) {
        return t.outcome().isSuccess()
                && within(MetricDerivation.ttftSchedNanos(t), ttftSchedMaxNanos)
                && within(MetricDerivation.tpotNanos(t), tpotMaxNanos)
                && within(MetricDerivation.e2eSchedNanos(t), e2eSchedMaxNanos);
    }

    public boolean isGood(JobTimeline j) {
        if (!j.outcome().isSuccess()) {
            return false;
        }
        if (!RequestTimeline.present(j.tCompletedNanos())
                || !RequestTimeline.present(j.tSchedNanos())) {
            return e2eSchedMaxNanos == UNBOUNDED;
        }
        return j.tCompletedNanos() - j.tSchedNanos() <= e2eSchedMaxNanos;
    }

    private static boolean within(long valueNanos, long maxNanos) {
        return valueNanos == MetricDerivation.NOT_APPLICABLE || valueNanos <= maxNanos;
    }

    private static long nanos(Duration d) {
        return d == null ? UNBOUNDED : d.toNanos();
    }
}
