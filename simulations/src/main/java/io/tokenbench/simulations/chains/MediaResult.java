package io.tokenbench.simulations.chains;

import io.tokenbench.reports.record.JobTimeline;
import io.tokenbench.reports.record.RequestTimeline;

/**
 * How one media call ended: a request timeline (embeddings, images, speech, transcription) or a job
 * timeline (video), with the last HTTP status (0: none) and a short failure detail for Gatling's
 * report.
 */
record MediaResult(RequestTimeline request, JobTimeline job, int status, String detail) {
    static MediaResult of(RequestTimeline t, int status) {
        return new MediaResult(t, null, status, "");
    }

    static MediaResult of(JobTimeline j, int status, String detail) {
        return new MediaResult(null, j, status, detail);
    }

    boolean success() {
        return request != null ? request.outcome().isSuccess() : job.outcome().isSuccess();
    }

    String outcomeName() {
        return request != null ? request.outcome().wireName() : job.outcome().wireName();
    }

    long startNanos() {
        return request != null ? request.tSendNanos() : job.tSubmitNanos();
    }
}
