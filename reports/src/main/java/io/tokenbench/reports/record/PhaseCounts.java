package io.tokenbench.reports.record;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of one phase over one interval (or summed over many): one section of an {@code
 * outcomes.jsonl} line. Immutable.
 *
 * @param scheduled arrivals the driver marked with {@link RunRecorder#markScheduled(long)}
 * @param sent recorded requests that had a t_send
 * @param completed recorded requests, whatever their outcome
 * @param outcomes requests per outcome (absent outcome = 0)
 * @param inputTokens usage.prompt_tokens summed
 * @param outputTokens N_out summed (usage, or the client's count when usage was missing)
 * @param good requests meeting every SLO
 * @param microCredits Credits spent, in millionths
 * @param tokenMismatch requests where client and server token counts disagree
 * @param retryAfterCount 429 responses that carried Retry-After
 * @param retryAfterSumMillis sum of those Retry-After values
 * @param retryAfterMaxMillis largest Retry-After
 * @param unfinished scheduled but not recorded when the recorder closed (also counted as {@code
 *     timeout_idle} in {@code outcomes})
 */
public record PhaseCounts(
        long scheduled,
        long sent,
        long completed,
        Map<Outcome, Long> outcomes,
        long inputTokens,
        long outputTokens,
        long good,
        long microCredits,
        long tokenMismatch,
        long retryAfterCount,
        long retryAfterSumMillis,
        long retryAfterMaxMillis,
        long unfinished) {

    public static final PhaseCounts ZERO =
            new PhaseCounts(0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public PhaseCounts {
        EnumMap<Outcome, Long> copy = new EnumMap<>(Outcome.class);
        outcomes.forEach(
                (k, v) -> {
                    if (v < 0) {
                        throw new IllegalArgumentException("negative count for " + k.wireName());
                    }
                    if (v > 0) {
                        copy.put(k, v);
                    }
                });
        outcomes = Collections.unmodifiableMap(copy);
    }

    public long outcome(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** Requests that ended, successful or not (recorded plus unfinished). */
    public long attempted() {
        long sum = 0;
        for (long v : outcomes.values()) {
            sum += v;
        }
        return sum;
    }

    public boolean isEmpty() {
        return this.equals(ZERO);
    }

    public PhaseCounts plus(PhaseCounts o) {
        EnumMap<Outcome, Long> sum = new EnumMap<>(Outcome.class);
        for (Outcome k : Outcome.values()) {
            sum.put(k, outcome(k) + o.outcome(k));
        }
        return new PhaseCounts(
                scheduled + o.scheduled,
                sent + o.sent,
                completed + o.completed,
                sum,
                inputTokens + o.inputTokens,
                outputTokens + o.outputTokens,
                good + o.good,
                microCredits + o.microCredits,
                tokenMismatch + o.tokenMismatch,
                retryAfterCount + o.retryAfterCount,
                retryAfterSumMillis + o.retryAfterSumMillis,
                Math.max(retryAfterMaxMillis, o.retryAfterMaxMillis),
                unfinished + o.unfinished);
    }
}
