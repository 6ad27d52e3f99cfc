package io.tokenbench.reports.record;

import java.util.Objects;

/**
 * One asynchronous video job, timestamps in monotonic nanoseconds ({@link RequestTimeline#ABSENT}
 * when a step never happened).
 *
 * @param tSchedNanos intended submit time (closed model: equal to {@code tSubmitNanos})
 * @param tSubmitNanos submit request sent
 * @param tAcceptedNanos submit accepted (job id returned)
 * @param tStartedNanos first poll that saw the job leave the queue
 * @param tCompletedNanos first poll that saw the job completed
 * @param polls status polls made for this job
 * @param outcome how the job ended
 * @param microCredits Credits spent in millionths
 * @param retryAfterMillis the Retry-After of a 429 that ended the job, or {@link
 *     RequestTimeline#UNKNOWN}
 */
public record JobTimeline(
        long tSchedNanos,
        long tSubmitNanos,
        long tAcceptedNanos,
        long tStartedNanos,
        long tCompletedNanos,
        long polls,
        Outcome outcome,
        long microCredits,
        long retryAfterMillis) {

    public JobTimeline {
        Objects.requireNonNull(outcome, "outcome");
        if (polls < 0 || microCredits < 0) {
            throw new IllegalArgumentException("polls and microCredits must be >= 0");
        }
    }

    /** A job that did not end on a 429 with Retry-After. */
    public JobTimeline(
            long tSchedNanos,
            long tSubmitNanos,
            long tAcceptedNanos,
            long tStartedNanos,
            long tCompletedNanos,
            long polls,
            Outcome outcome,
            long microCredits) {
        this(
                tSchedNanos,
                tSubmitNanos,
                tAcceptedNanos,
                tStartedNanos,
                tCompletedNanos,
                polls,
                outcome,
                microCredits,
                RequestTimeline.UNKNOWN);
    }
}
