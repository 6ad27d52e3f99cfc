package io.tokenbench.simulations.record;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.JobTimeline;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import java.util.Map;

/** Where chat calls report. Called from Gatling's event loops; implementations must not block. */
public interface TimelineSink {

    /** The first request of the run is about to be scheduled: a lazily opened sink opens now. */
    default void begin() {}

    /** An arrival became due (offered load), at {@code tSchedNanos}. */
    void scheduled(long tSchedNanos);

    /**
     * An arrival of {@code endpoint} became due; sinks that record per class count it there too.
     */
    default void scheduled(long tSchedNanos, EndpointClass endpoint) {
        scheduled(tSchedNanos);
    }

    /** A video job ended (completed, failed or abandoned). */
    default void finishedJob(JobTimeline job) {
        throw new UnsupportedOperationException("this sink does not record video jobs");
    }

    /**
     * Request {@code index} (its slot in the arrival schedule; -1 in closed models) finished;
     * {@code sampleText} is the start of its output (may be empty).
     */
    void finished(long index, RequestTimeline timeline, String sampleText);

    /**
     * False once {@link #finished}'s {@code sampleText} would no longer be kept, so callers can
     * stop collecting it; once false, stays false.
     */
    default boolean wantsSampleText() {
        return true;
    }

    /** True when an error sample of this kind would be kept (ask before building the body). */
    default boolean wantsErrorSample(EndpointClass endpoint, Outcome outcome, int status) {
        return false;
    }

    /**
     * A failed response for {@code errors.jsonl} (status 0: none arrived, {@code body} then says
     * what happened); redacted and bounded by the reports module's sampler.
     */
    default void errorSample(
            EndpointClass endpoint,
            Outcome outcome,
            int status,
            Map<String, String> headers,
            String body) {}
}
