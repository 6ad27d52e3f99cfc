package io.tokenbench.reports.record;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One line of {@code outcomes.jsonl}: the counts of every non-empty phase over one interval {@code
 * [startEpochMillis, endEpochMillis)}, and, for runs recorded per endpoint class, the same counts
 * per phase and class. Over the run the classes of a phase add up to the phase; in one interval
 * they can differ by the requests recorded while the interval was cut (their class and phase counts
 * land in adjacent intervals).
 */
public record OutcomesLine(
        long startEpochMillis,
        long endEpochMillis,
        Map<Phase, PhaseCounts> phases,
        Map<Phase, Map<EndpointClass, PhaseCounts>> classes) {

    public OutcomesLine {
        if (endEpochMillis < startEpochMillis) {
            throw new IllegalArgumentException(
                    "interval ends before it starts: " + startEpochMillis + ".." + endEpochMillis);
        }
        EnumMap<Phase, PhaseCounts> copy = new EnumMap<>(Phase.class);
        phases.forEach(
                (p, c) -> {
                    if (!c.isEmpty()) {
                        copy.put(p, c);
                    }
                });
        phases = Collections.unmodifiableMap(copy);
        EnumMap<Phase, Map<EndpointClass, PhaseCounts>> byClass = new EnumMap<>(Phase.class);
        classes.forEach(
                (p, m) -> {
                    EnumMap<EndpointClass, PhaseCounts> inner = new EnumMap<>(EndpointClass.class);
                    m.forEach(
                            (c, counts) -> {
                                if (!counts.isEmpty()) {
                                    inner.put(c, counts);
                                }
                            });
                    if (!inner.isEmpty()) {
                        byClass.put(p, Collections.unmodifiableMap(inner));
                    }
                });
        classes = Collections.unmodifiableMap(byClass);
    }

    /** A line without per-class counts. */
    public OutcomesLine(
            long startEpochMillis, long endEpochMillis, Map<Phase, PhaseCounts> phases) {
        this(startEpochMillis, endEpochMillis, phases, Map.of());
    }

    public PhaseCounts phase(Phase phase) {
        return phases.getOrDefault(phase, PhaseCounts.ZERO);
    }

    /**
     * The counts of one endpoint class in one phase (zero when the run was not recorded per class).
     */
    public PhaseCounts phase(Phase phase, EndpointClass endpoint) {
        return classes.getOrDefault(phase, Map.of()).getOrDefault(endpoint, PhaseCounts.ZERO);
    }
}
