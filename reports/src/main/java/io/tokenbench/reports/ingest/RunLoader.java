package io.tokenbench.reports.ingest;

import io.tokenbench.reports.model.Block;
import io.tokenbench.reports.model.IntervalPoint;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunHeader;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.model.RunInfoJson;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SeriesData;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Metric;
import io.tokenbench.reports.record.OutcomesLine;
import io.tokenbench.reports.record.Phase;
import io.tokenbench.reports.record.PhaseCounts;
import io.tokenbench.reports.record.RunEnd;
import io.tokenbench.reports.record.SeriesKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Loads a run folder ({@code run.json}, {@code metrics.hlog}, {@code outcomes.jsonl}) into a {@link
 * RunData}: measured-phase series (total histogram and per-interval points) and counts, streaming
 * the log so an hour of intervals needs memory for the totals only. With {@code withBlocks}, the
 * measured data is also cut into at most {@link #MAX_BLOCKS} consecutive blocks of whole intervals
 * for the gate's bootstrap.
 */
public final class RunLoader {

    public static final int MAX_BLOCKS = 30;

    private RunLoader() {}

    public static RunData load(Path dir, boolean withBlocks) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a run folder (no such directory)");
        }
        RunInfo info = readInfo(dir.resolve(RunFolder.RUN_JSON));
        List<OutcomesLine> lines = OutcomesReader.read(dir.resolve(RunFolder.OUTCOMES_JSONL));
        long intervalMs = info.interval().toMillis();
        long runStart = info.startEpochMillis();
        long runEnd = lines.stream().mapToLong(OutcomesLine::endEpochMillis).max().orElse(runStart);
        long blockMs =
                Math.max(
                        intervalMs,
                        ceilDiv(ceilDiv(Math.max(1, runEnd - runStart), MAX_BLOCKS), intervalMs)
                                * intervalMs);

        Map<String, Histogram> totals = new LinkedHashMap<>();
        Map<String, List<IntervalPoint>> points = new HashMap<>();
        List<Map<String, Histogram>> blockSeries = new ArrayList<>();
        int[] intervalsRead = {0};
        HlogReader.forEach(
                dir.resolve(RunFolder.METRICS_HLOG),
                interval -> {
                    intervalsRead[0]++;
                    if (Phase.ofTag(interval.tag()) != Phase.MEASURE) {
                        return;
                    }
                    String name = interval.tag();
                    Metric metric =
                            SeriesKey.parse(name)
                                    .orElseThrow(
                                            () ->
                                                    new BadInputException(
                                                            dir.resolve(RunFolder.METRICS_HLOG)
                                                                    + ": unknown tag '"
                                                                    + name
                                                                    + "'"))
                                    .metric();
                    SparseHistogram h = interval.histogram();
                    h.addTo(totals.computeIfAbsent(name, n -> new Histogram(3)));
                    points.computeIfAbsent(name, n -> new ArrayList<>())
                            .add(
                                    IntervalStats.point(
                                            interval.startEpochMillis(),
                                            interval.endEpochMillis(),
                                            h,
                                            metric.unit()));
                    if (withBlocks) {
                        int b = blockIndex(interval.startEpochMillis(), runStart, blockMs);
                        while (blockSeries.size() <= b) {
                            blockSeries.add(new HashMap<>());
                        }
                        h.addTo(blockSeries.get(b).computeIfAbsent(name, n -> new Histogram(3)));
                    }
                });
        if (lines.isEmpty() && intervalsRead[0] == 0) {
            throw new BadInputException(dir + " is an empty run: no interval was recorded");
        }

        Map<String, SeriesData> series = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            Histogram total = totals.get(m.wireName());
            if (total != null) {
                series.put(
                        m.wireName(),
                        new SeriesData(m.wireName(), m.unit(), total, points.get(m.wireName())));
            }
        }
        for (EndpointClass c : EndpointClass.values()) {
            for (Metric m : Metric.values()) {
                String name = SeriesKey.of(c, m).name();
                Histogram total = totals.get(name);
                if (total != null) {
                    series.put(name, new SeriesData(name, m.unit(), total, points.get(name)));
                }
            }
        }
        Map<EndpointClass, PhaseCounts> byClass = new EnumMap<>(EndpointClass.class);
        PhaseCounts measured = PhaseCounts.ZERO;
        List<PhaseCounts> blockCounts = new ArrayList<>();
        long firstMeasured = Long.MAX_VALUE;
        long lastMeasured = Long.MIN_VALUE;
        for (OutcomesLine line : lines) {
            PhaseCounts c = line.phase(Phase.MEASURE);
            measured = measured.plus(c);
            line.classes()
                    .getOrDefault(Phase.MEASURE, Map.of())
                    .forEach((k, v) -> byClass.merge(k, v, PhaseCounts::plus));
            if (!c.isEmpty()) {
                firstMeasured = Math.min(firstMeasured, line.startEpochMillis());
                lastMeasured = Math.max(lastMeasured, line.endEpochMillis());
            }
            if (withBlocks) {
                int b = blockIndex(line.startEpochMillis(), runStart, blockMs);
                while (blockCounts.size() <= b) {
                    blockCounts.add(PhaseCounts.ZERO);
                }
                blockCounts.set(b, blockCounts.get(b).plus(c));
            }
        }
        boolean incomplete = RunEnd.incomplete(dir);
        double measuredSeconds =
                info.window().isUnbounded()
                        ? (lastMeasured > firstMeasured
                                ? (lastMeasured - firstMeasured) / 1000.0
                                : 0.0)
                        : info.window().measurement().toMillis() / 1000.0;
        List<RunSummary.ValidityFlag> flags = new ArrayList<>();
        if (incomplete) {
            // a run cut short: rates over the window actually recorded, not the planned one
            double planned = measuredSeconds;
            if (!info.window().isUnbounded()) {
                long windowStart = runStart + info.window().warmup().toMillis();
                measuredSeconds = Math.min(planned, Math.max(0, runEnd - windowStart) / 1000.0);
            }
            flags.add(
                    new RunSummary.ValidityFlag(
                            INCOMPLETE,
                            String.format(
                                    Locale.ROOT,
                                    "the run did not finish (no %s: killed or crashed); its"
                                            + " intervals end at %s, so rates use the %.3f s"
                                            + " recorded%s",
                                    RunEnd.END,
                                    Instant.ofEpochMilli(runEnd),
                                    measuredSeconds,
                                    info.window().isUnbounded()
                                            ? ""
                                            : String.format(
                                                    Locale.ROOT,
                                                    " of the %.3f s planned",
                                                    planned))));
        }
        flags.addAll(requestLogFlags(dir, measured, incomplete));
        RunHeader header = header(info, measuredSeconds);
        return new RunData(
                dir.toString(),
                header,
                Optional.of(info),
                series,
                measured,
                lines,
                blocks(blockSeries, blockCounts),
                byClass,
                flags);
    }

    /** Validity flag of a run folder whose recorder never closed. */
    public static final String INCOMPLETE = "incomplete";

    /**
     * {@code request_log_dropped} when the recorder dropped records, {@code request_log_mismatch}
     * when the measured records do not reconcile with outcomes.jsonl (not checked for incomplete
     * runs, whose last records were lost with the process).
     */
    static List<RunSummary.ValidityFlag> requestLogFlags(
            Path dir, PhaseCounts measured, boolean incomplete) {
        List<RunSummary.ValidityFlag> flags = new ArrayList<>();
        Optional<RunEnd> end = RunEnd.read(dir);
        if (end.isPresent() && end.get().requestRecordsDropped() > 0) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "request_log_dropped",
                            "the request log fell behind and dropped "
                                    + end.get().requestRecordsDropped()
                                    + " records: "
                                    + RunFolder.REQUESTS_JSONL_GZ
                                    + " is not complete"));
        }
        Path file = dir.resolve(RunFolder.REQUESTS_JSONL_GZ);
        if (incomplete || !Files.exists(file) || !flags.isEmpty()) {
            return flags;
        }
        RequestLogReconciler.Reconciliation r = RequestLogReconciler.reconcile(file, measured);
        if (!r.matches()) {
            flags.add(
                    new RunSummary.ValidityFlag(
                            "request_log_mismatch",
                            RunFolder.REQUESTS_JSONL_GZ
                                    + " does not reconcile with "
                                    + RunFolder.OUTCOMES_JSONL
                                    + ": "
                                    + r.describe()));
        }
        return flags;
    }

    /** Header of a run folder's summary. */
    public static RunHeader header(RunInfo info, double measuredSeconds) {
        return new RunHeader(
                info.scenario(),
                info.driver(),
                info.targetHost(),
                Instant.ofEpochMilli(info.startEpochMillis()).toString(),
                info.loadModel(),
                info.window().warmup().toMillis(),
                info.window().isUnbounded() ? -1 : info.window().measurement().toMillis(),
                info.window().grace().toMillis(),
                info.interval().toMillis(),
                measuredSeconds,
                info.versions());
    }

    private static List<Block> blocks(
            List<Map<String, Histogram>> series, List<PhaseCounts> counts) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < Math.max(series.size(), counts.size()); i++) {
            Map<String, Histogram> s = i < series.size() ? series.get(i) : Map.of();
            PhaseCounts c = i < counts.size() ? counts.get(i) : PhaseCounts.ZERO;
            if (!s.isEmpty() || !c.isEmpty()) {
                blocks.add(new Block(s, c));
            }
        }
        return blocks;
    }

    private static int blockIndex(long startMs, long runStart, long blockMs) {
        return (int) Math.min(MAX_BLOCKS - 1, Math.max(0, (startMs - runStart) / blockMs));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    static RunInfo readInfo(Path runJson) {
        try {
            return RunInfoJson.parse(Files.readString(runJson));
        } catch (NoSuchFileException e) {
            throw new BadInputException(runJson + " does not exist: not a run folder");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + runJson + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(runJson + ": " + e.getMessage(), e);
        }
    }
}
