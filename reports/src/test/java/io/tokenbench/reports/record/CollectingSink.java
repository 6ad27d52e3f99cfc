package io.tokenbench.reports.record;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Test sink: every sample per metric, in order. */
final class CollectingSink implements MetricSink {
    final Map<Metric, List<Long>> samples = new EnumMap<>(Metric.class);

    @Override
    public void accept(Metric metric, long storedValue) {
        samples.computeIfAbsent(metric, m -> new ArrayList<>()).add(storedValue);
    }

    List<Long> of(Metric m) {
        return samples.getOrDefault(m, List.of());
    }
}
