package io.tokenbench.reports.record;

import java.util.Objects;

/**
 * One request as a line of {@code requests.jsonl.gz} (schema in reports/README.md). Times are epoch
 * milliseconds with microsecond fractions; durations are milliseconds; a value that does not apply
 * (no response, no first token, no usage) is NaN or {@link RequestTimeline#UNKNOWN} here and JSON
 * {@code null} in the file.
 *
 * @param id sequence number of the request in its injector's recorder (from 1, in recording order)
 * @param endpoint endpoint class (wire name {@code class})
 * @param phase {@code warmup}, {@code measured} or {@code grace} by t_sched
 * @param injector the injector that sent it ({@code "0"} for a single injector)
 * @param outcome how it ended
 * @param status HTTP status of the final response, 0 when none arrived
 * @param tSchedEpochMillis intended start
 * @param tSendEpochMillis first byte written, NaN when never sent
 * @param ttfbMillis headers - send, NaN when absent
 * @param ttftMillis first output event - send, NaN when absent
 * @param e2eMillis end (last output event, else done) - send, NaN when absent
 * @param inputTokens prompt tokens reported by the server, or UNKNOWN
 * @param outputTokens completion tokens reported by the server (usage), or UNKNOWN
 * @param outputTokensCounted tokens counted by the client, or UNKNOWN
 * @param retries re-sends before the final attempt
 */
public record RequestRecord(
        long id,
        EndpointClass endpoint,
        String phase,
        String injector,
        Outcome outcome,
        int status,
        double tSchedEpochMillis,
        double tSendEpochMillis,
        double ttfbMillis,
        double ttftMillis,
        double e2eMillis,
        long inputTokens,
        long outputTokens,
        long outputTokensCounted,
        int retries) {

    public static final String WARMUP = "warmup";
    public static final String MEASURED = "measured";
    public static final String GRACE = "grace";

    public RequestRecord {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(injector, "injector");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The record's phase name for a recorder {@link Phase}. */
    public static String phaseName(Phase p) {
        return switch (p) {
            case WARMUP -> WARMUP;
            case MEASURE -> MEASURED;
            case COOLDOWN -> GRACE;
        };
    }

    public boolean measured() {
        return MEASURED.equals(phase);
    }

    /** The record of a request timeline. */
    public static RequestRecord of(
            long id, RequestTimeline t, Phase phase, String injector, RunClock clock) {
        return new RequestRecord(
                id,
                t.endpoint(),
                phaseName(phase),
                injector,
                t.outcome(),
                t.httpStatus(),
                epochMillis(clock, t.tSchedNanos()),
                epochMillis(clock, t.tSendNanos()),
                millis(t.tHdrNanos(), t.tSendNanos()),
                millis(t.tFirstNanos(), t.tSendNanos()),
                millis(
                        RequestTimeline.present(t.tLastNanos()) ? t.tLastNanos() : t.tDoneNanos(),
                        t.tSendNanos()),
                t.promptTokens(),
                t.completionTokens(),
                t.clientCountedTokens(),
                t.retries());
    }

    /** The record of a video job: ttfb is submit to accepted, e2e submit to completed. */
    public static RequestRecord of(
            long id, JobTimeline j, Phase phase, String injector, RunClock clock) {
        return new RequestRecord(
                id,
                EndpointClass.VIDEO,
                phaseName(phase),
                injector,
                j.outcome(),
                0,
                epochMillis(clock, j.tSchedNanos()),
                epochMillis(clock, j.tSubmitNanos()),
                millis(j.tAcceptedNanos(), j.tSubmitNanos()),
                Double.NaN,
                millis(j.tCompletedNanos(), j.tSubmitNanos()),
                RequestTimeline.UNKNOWN,
                RequestTimeline.UNKNOWN,
                RequestTimeline.UNKNOWN,
                0);
    }

    /** Epoch milliseconds rounded to the microsecond, NaN when the timestamp is absent. */
    static double epochMillis(RunClock clock, long nanoTime) {
        if (!RequestTimeline.present(nanoTime)) {
            return Double.NaN;
        }
        long sinceStartMicros = Math.floorDiv(clock.sinceStartNanos(nanoTime), 1_000L);
        return clock.startEpochMillis() + sinceStartMicros / 1000.0;
    }

    private static double millis(long later, long earlier) {
        if (!RequestTimeline.present(later) || !RequestTimeline.present(earlier)) {
            return Double.NaN;
        }
        return Math.max(0, later - earlier) / 1e6;
    }
}
