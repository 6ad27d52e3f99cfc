package io.tokenbench.reports.record;

import java.util.Objects;

/**
 * One asynchronous video job, timestamps in monotonic nanoseconds ({@link RequestTimeline#ABSENT} when a
 * step never happened).
 *
 * @param tSchedNanos     intended submit time (closed model: equal to {@code tSubmitNanos})
 * @param tSubmitNanos    submit request sent
 * @param tAcceptedNanos  submit accepted (job id returned)
 * @param tStartedNanos   first poll that saw the job leave the queue
 * @param tCompletedNanos first poll that saw the job completed
 * @param polls           status polls made for this job
 * @param outcome         how the job ended
 * @param microCredits    Credits spent in millionths
 */
public record JobTimeline(
        long tSchedNanos,
        long tSubmitNanos,
        long tAcceptedNanos,
        long tStartedNanos,
        long tCompletedNanos,
        long polls,
        Outcome outcome,
        long microCredits) {

    public JobTimeline {
        Objects.requireNonNull(outcome, "outcome");
        if (polls < 0 || microCredits < 0) {
            throw new IllegalArgumentException("polls and microCredits must be >= 0");
        }
    }
}
