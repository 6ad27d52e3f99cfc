package io.tokenbench.reports.model;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.OutcomesLine;
import io.tokenbench.reports.record.PhaseCounts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run in memory, as read from a run folder or a JMH result: header, measured series, measured
 * counts, the per-interval outcome lines (all phases, for time series) and, when asked for,
 * bootstrap blocks.
 *
 * @param source where it was read from (for messages)
 * @param header what the summary header states
 * @param info run.json, absent for JMH results
 * @param series measured distributions by name, in report order
 * @param measured measured-phase counts summed over the run
 * @param lines every outcomes.jsonl line, in order
 * @param blocks consecutive partitions of the measured data; empty unless loaded for a gate
 * @param measuredByClass measured-phase counts per endpoint class (empty unless recorded per
 *     class); per-class series are in {@code series} under {@code <class>.<metric>} names
 * @param folderFlags validity flags found while reading the run folder itself ({@code incomplete},
 *     {@code request_log_mismatch}, {@code request_log_dropped}); the summary adds them to its own
 */
public record RunData(
        String source,
        RunHeader header,
        Optional<RunInfo> info,
        Map<String, SeriesData> series,
        PhaseCounts measured,
        List<OutcomesLine> lines,
        List<Block> blocks,
        Map<EndpointClass, PhaseCounts> measuredByClass,
        List<RunSummary.ValidityFlag> folderFlags) {

    /** A run without folder flags. */
    public RunData(
            String source,
            RunHeader header,
            Optional<RunInfo> info,
            Map<String, SeriesData> series,
            PhaseCounts measured,
            List<OutcomesLine> lines,
            List<Block> blocks,
            Map<EndpointClass, PhaseCounts> measuredByClass) {
        this(source, header, info, series, measured, lines, blocks, measuredByClass, List.of());
    }

    /** A run without per-class counts. */
    public RunData(
            String source,
            RunHeader header,
            Optional<RunInfo> info,
            Map<String, SeriesData> series,
            PhaseCounts measured,
            List<OutcomesLine> lines,
            List<Block> blocks) {
        this(source, header, info, series, measured, lines, blocks, Map.of());
    }

    public RunData {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(measured, "measured");
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        lines = List.copyOf(lines);
        blocks = List.copyOf(blocks);
        folderFlags = List.copyOf(folderFlags);
        measuredByClass =
                measuredByClass.isEmpty()
                        ? Map.of()
                        : Collections.unmodifiableMap(new java.util.EnumMap<>(measuredByClass));
    }
}
