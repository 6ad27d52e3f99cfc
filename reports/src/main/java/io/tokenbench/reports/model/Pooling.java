package io.tokenbench.reports.model;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.PhaseCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Pools repeated runs into one {@link RunData}: histograms added (never percentiles averaged),
 * counts added, measured seconds added (so rates are total counts over total time), blocks
 * concatenated.
 */
public final class Pooling {

    private Pooling() {}

    public static RunData pool(List<RunData> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to pool");
        }
        if (runs.size() == 1) {
            return runs.get(0);
        }
        Map<String, Histogram> totals = new LinkedHashMap<>();
        Map<String, io.tokenbench.reports.record.ValueUnit> units = new LinkedHashMap<>();
        PhaseCounts counts = PhaseCounts.ZERO;
        Map<EndpointClass, PhaseCounts> byClass = new java.util.EnumMap<>(EndpointClass.class);
        double seconds = 0;
        List<Block> blocks = new ArrayList<>();
        for (RunData r : runs) {
            r.series()
                    .forEach(
                            (name, s) -> {
                                totals.computeIfAbsent(name, n -> new Histogram(3)).add(s.total());
                                units.putIfAbsent(name, s.unit());
                            });
            counts = counts.plus(r.measured());
            r.measuredByClass().forEach((c, n) -> byClass.merge(c, n, PhaseCounts::plus));
            seconds += r.header().measuredSeconds();
            blocks.addAll(r.blocks());
        }
        Map<String, SeriesData> series = new LinkedHashMap<>();
        totals.forEach(
                (name, h) -> series.put(name, new SeriesData(name, units.get(name), h, List.of())));
        RunData first = runs.get(0);
        RunHeader h = first.header();
        RunHeader header =
                new RunHeader(
                        h.scenario(),
                        h.driver(),
                        h.targetHost(),
                        h.startedAt(),
                        h.loadModel(),
                        h.warmupMillis(),
                        h.measurementMillis(),
                        h.graceMillis(),
                        h.intervalMillis(),
                        seconds,
                        h.versions());
        Optional<RunInfo> info = first.info();
        return new RunData(
                runs.size() + " runs pooled",
                header,
                info,
                series,
                counts,
                List.of(),
                blocks,
                byClass,
                runs.stream().flatMap(r -> r.folderFlags().stream()).distinct().toList());
    }
}
