package io.tokenbench.reports.record;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One line of {@code outcomes.jsonl}: the counts of every non-empty phase over one interval
 * {@code [startEpochMillis, endEpochMillis)}.
 */
public record OutcomesLine(long startEpochMillis, long endEpochMillis, Map<Phase, PhaseCounts> phases) {

    public OutcomesLine {
        if (endEpochMillis < startEpochMillis) {
            throw new IllegalArgumentException("interval ends before it starts: " + startEpochMillis + ".." + endEpochMillis);
        }
        EnumMap<Phase, PhaseCounts> copy = new EnumMap<>(Phase.class);
        phases.forEach((p, c) -> {
            if (!c.isEmpty()) {
                copy.put(p, c);
            }
        });
        phases = Collections.unmodifiableMap(copy);
    }

    public PhaseCounts phase(Phase phase) {
        return phases.getOrDefault(phase, PhaseCounts.ZERO);
    }
}
