package io.tokenbench.reports.record;

import java.util.EnumMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lock-free counters of one phase for the interval in progress. Driver threads add; the reporter
 * thread takes a {@link PhaseCounts} snapshot with {@link #drain()}. {@code LongAdder.sumThenReset}
 * swaps each cell with {@code getAndSet(0)}, so a concurrent add lands in this interval or the
 * next, never nowhere; the several counters of one request may land in adjacent intervals (totals
 * stay exact).
 */
final class IntervalCounters {

    private final LongAdder scheduled = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder[] outcomes = new LongAdder[Outcome.values().length];
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final LongAdder good = new LongAdder();
    private final LongAdder microCredits = new LongAdder();
    private final LongAdder tokenMismatch = new LongAdder();
    private final LongAdder retryAfterCount = new LongAdder();
    private final LongAdder retryAfterSumMillis = new LongAdder();
    private final LongAccumulator retryAfterMaxMillis = new LongAccumulator(Math::max, 0);

    IntervalCounters() {
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = new LongAdder();
        }
    }

    void scheduled() {
        scheduled.increment();
    }

    void add(RequestTimeline t, boolean isGood) {
        completed.increment();
        if (RequestTimeline.present(t.tSendNanos())) {
            sent.increment();
        }
        outcomes[t.outcome().ordinal()].increment();
        if (t.promptTokens() > 0) {
            inputTokens.add(t.promptTokens());
        }
        if (t.outputTokens() > 0) {
            outputTokens.add(t.outputTokens());
        }
        if (isGood) {
            good.increment();
        }
        if (t.microCredits() > 0) {
            microCredits.add(t.microCredits());
        }
        if (t.tokenMismatch()) {
            tokenMismatch.increment();
        }
        if (t.retryAfterMillis() >= 0) {
            retryAfterCount.increment();
            retryAfterSumMillis.add(t.retryAfterMillis());
            retryAfterMaxMillis.accumulate(t.retryAfterMillis());
        }
    }

    void add(JobTimeline j, boolean isGood) {
        completed.increment();
        if (RequestTimeline.present(j.tSubmitNanos())) {
            sent.increment();
        }
        outcomes[j.outcome().ordinal()].increment();
        if (isGood) {
            good.increment();
        }
        if (j.microCredits() > 0) {
            microCredits.add(j.microCredits());
        }
        if (j.retryAfterMillis() >= 0) {
            retryAfterCount.increment();
            retryAfterSumMillis.add(j.retryAfterMillis());
            retryAfterMaxMillis.accumulate(j.retryAfterMillis());
        }
    }

    /** Takes this interval's counts and starts the next interval at zero. Reporter thread only. */
    PhaseCounts drain() {
        EnumMap<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            byOutcome.put(o, outcomes[o.ordinal()].sumThenReset());
        }
        return new PhaseCounts(
                scheduled.sumThenReset(),
                sent.sumThenReset(),
                completed.sumThenReset(),
                byOutcome,
                inputTokens.sumThenReset(),
                outputTokens.sumThenReset(),
                good.sumThenReset(),
                microCredits.sumThenReset(),
                tokenMismatch.sumThenReset(),
                retryAfterCount.sumThenReset(),
                retryAfterSumMillis.sumThenReset(),
                retryAfterMaxMillis.getThenReset(),
                0);
    }
}
