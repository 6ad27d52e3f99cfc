package io.tokenbench.reports.merge;

import io.tokenbench.reports.ingest.BadInputException;
import io.tokenbench.reports.ingest.HlogReader;
import io.tokenbench.reports.ingest.OutcomesReader;
import io.tokenbench.reports.ingest.TaggedInterval;
import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.model.RunInfoJson;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.IntervalLogWriter;
import io.tokenbench.reports.record.Metric;
import io.tokenbench.reports.record.OutcomesLine;
import io.tokenbench.reports.record.Phase;
import io.tokenbench.reports.record.PhaseCounts;
import io.tokenbench.reports.record.RunEnd;
import io.tokenbench.reports.record.SeriesKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Adds several run folders into one. Intervals are bucketed by absolute start time ({@code
 * floor(start / interval)}; recorders cut intervals at multiples of the interval on the epoch
 * clock, so every injector's interval k lands in bucket k), then histograms of the same tag and
 * bucket are added and outcome counts summed. The logs are read as a k-way merge in time order, so
 * memory holds one bucket.
 *
 * <p>The inputs must share interval, window and SLO (they classified their requests by the same
 * rules); the merged load model adds the injectors' rates (open) or concurrencies (closed).
 */
public final class RunMerger {

    private RunMerger() {}

    /**
     * Creates {@code outDir} (absent or empty) holding run.json, metrics.hlog and outcomes.jsonl,
     * the injectors' requests.jsonl.gz and errors.jsonl concatenated, and the end marker.
     */
    public static RunInfo merge(Path outDir, List<Path> runDirs) {
        if (runDirs.size() < 2) {
            throw new BadInputException(
                    "merge needs at least two run folders, got " + runDirs.size());
        }
        List<RunInfo> infos = new ArrayList<>();
        for (Path dir : runDirs) {
            infos.add(readInfo(dir));
        }
        RunInfo merged = mergedInfo(infos, runDirs);
        boolean created = prepareOut(outDir, runDirs);
        try {
            write(outDir, runDirs, merged);
        } catch (RuntimeException e) {
            removeOutput(outDir, created);
            throw e;
        }
        return merged;
    }

    /** Removes what a failed merge wrote, so a bad input leaves no half-merged run behind. */
    private static void removeOutput(Path outDir, boolean created) {
        try {
            for (String f :
                    List.of(
                            RunFolder.METRICS_HLOG,
                            RunFolder.OUTCOMES_JSONL,
                            RunFolder.RUN_JSON,
                            RunFolder.REQUESTS_JSONL_GZ,
                            RunFolder.ERRORS_JSONL,
                            RunEnd.RECORDING,
                            RunEnd.END)) {
                Files.deleteIfExists(outDir.resolve(f));
            }
            if (created) {
                Files.deleteIfExists(outDir);
            }
        } catch (IOException e) {
            // the original failure is what matters; a leftover file names itself
        }
    }

    private static void write(Path outDir, List<Path> runDirs, RunInfo merged) {
        long intervalMs = merged.interval().toMillis();
        try (IntervalLogWriter writer = new IntervalLogWriter(outDir, merged.startEpochMillis())) {
            mergeHistograms(runDirs, intervalMs, writer);
            for (OutcomesLine line : mergeOutcomes(runDirs, intervalMs)) {
                writer.outcomes(line);
            }
            writer.flush();
        }
        RecordFiles.write(outDir, runDirs);
        try {
            Files.writeString(outDir.resolve(RunFolder.RUN_JSON), RunInfoJson.toJson(merged));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outDir.resolve(RunFolder.RUN_JSON), e);
        }
    }

    private static void mergeHistograms(
            List<Path> runDirs, long intervalMs, IntervalLogWriter writer) {
        record Head(HlogReader.Cursor cursor, TaggedInterval interval) {}
        PriorityQueue<Head> heads =
                new PriorityQueue<>(Comparator.comparingLong(h -> h.interval.startEpochMillis()));
        List<HlogReader.Cursor> cursors = new ArrayList<>();
        try {
            for (Path dir : runDirs) {
                HlogReader.Cursor c = HlogReader.open(dir.resolve(RunFolder.METRICS_HLOG));
                cursors.add(c);
                TaggedInterval first = c.next();
                if (first != null) {
                    heads.add(new Head(c, first));
                }
            }
            while (!heads.isEmpty()) {
                long bucket = Math.floorDiv(heads.peek().interval.startEpochMillis(), intervalMs);
                Map<String, Histogram> sums = new TreeMap<>(RunMerger::compareTags);
                long start = Long.MAX_VALUE;
                long end = Long.MIN_VALUE;
                while (!heads.isEmpty()
                        && Math.floorDiv(heads.peek().interval.startEpochMillis(), intervalMs)
                                == bucket) {
                    Head h = heads.poll();
                    TaggedInterval i = h.interval;
                    i.histogram().addTo(sums.computeIfAbsent(i.tag(), t -> new Histogram(3)));
                    start = Math.min(start, i.startEpochMillis());
                    end = Math.max(end, i.endEpochMillis());
                    TaggedInterval next = h.cursor.next();
                    if (next != null) {
                        heads.add(new Head(h.cursor, next));
                    }
                }
                for (Map.Entry<String, Histogram> e : sums.entrySet()) {
                    writer.histogram(
                            e.getKey(), start, end, e.getValue(), metricOf(e.getKey()).unit());
                }
            }
        } finally {
            cursors.forEach(HlogReader.Cursor::close);
        }
    }

    private static List<OutcomesLine> mergeOutcomes(List<Path> runDirs, long intervalMs) {
        TreeMap<Long, OutcomesLine> buckets = new TreeMap<>();
        for (Path dir : runDirs) {
            for (OutcomesLine line : OutcomesReader.read(dir.resolve(RunFolder.OUTCOMES_JSONL))) {
                long key = Math.floorDiv(line.startEpochMillis(), intervalMs);
                buckets.merge(key, line, RunMerger::add);
            }
        }
        return new ArrayList<>(buckets.values());
    }

    static OutcomesLine add(OutcomesLine a, OutcomesLine b) {
        Map<Phase, PhaseCounts> phases = new EnumMap<>(Phase.class);
        Map<Phase, Map<EndpointClass, PhaseCounts>> classes = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            phases.put(p, a.phase(p).plus(b.phase(p)));
            Map<EndpointClass, PhaseCounts> byClass = new EnumMap<>(EndpointClass.class);
            for (EndpointClass c : EndpointClass.values()) {
                byClass.put(c, a.phase(p, c).plus(b.phase(p, c)));
            }
            classes.put(p, byClass);
        }
        return new OutcomesLine(
                Math.min(a.startEpochMillis(), b.startEpochMillis()),
                Math.max(a.endEpochMillis(), b.endEpochMillis()),
                phases,
                classes);
    }

    /**
     * Tags in report order: phase, then blended before per-class series, then class, then metric.
     */
    private static int compareTags(String a, String b) {
        int byPhase = Phase.ofTag(a).compareTo(Phase.ofTag(b));
        if (byPhase != 0) {
            return byPhase;
        }
        SeriesKey ka = seriesOf(a);
        SeriesKey kb = seriesOf(b);
        int byClass =
                Integer.compare(
                        ka.endpoint().map(c -> c.ordinal() + 1).orElse(0),
                        kb.endpoint().map(c -> c.ordinal() + 1).orElse(0));
        return byClass != 0 ? byClass : ka.metric().compareTo(kb.metric());
    }

    private static Metric metricOf(String tag) {
        return seriesOf(tag).metric();
    }

    private static SeriesKey seriesOf(String tag) {
        String name = Phase.metricNameOfTag(tag);
        return SeriesKey.parse(name)
                .orElseThrow(() -> new BadInputException("unknown .hlog tag '" + tag + "'"));
    }

    private static RunInfo mergedInfo(List<RunInfo> infos, List<Path> dirs) {
        RunInfo first = infos.get(0);
        Set<String> hosts = new LinkedHashSet<>();
        double rate = 0;
        int concurrency = 0;
        for (int i = 0; i < infos.size(); i++) {
            RunInfo r = infos.get(i);
            String where = dirs.get(i).toString();
            if (!r.interval().equals(first.interval())) {
                throw new BadInputException(
                        where
                                + " has interval "
                                + r.interval().toMillis()
                                + " ms, "
                                + dirs.get(0)
                                + " has "
                                + first.interval().toMillis()
                                + " ms: cannot align intervals");
            }
            if (!r.window().equals(first.window())) {
                throw new BadInputException(
                        where
                                + " has a different warm-up/measurement/grace window than "
                                + dirs.get(0));
            }
            if (!r.slo().equals(first.slo()) || !r.classSlos().equals(first.classSlos())) {
                throw new BadInputException(where + " has different SLOs than " + dirs.get(0));
            }
            if (!r.loadModel().type().equals(first.loadModel().type())) {
                throw new BadInputException(
                        where
                                + " is a "
                                + r.loadModel().type()
                                + "-model run, "
                                + dirs.get(0)
                                + " is "
                                + first.loadModel().type()
                                + ": cannot merge");
            }
            if (r.loadModel() instanceof LoadModel.Open open) {
                rate += open.ratePerSecond();
            } else if (r.loadModel() instanceof LoadModel.Closed closed) {
                concurrency += closed.concurrency();
            }
            hosts.add(r.targetHost());
        }
        LoadModel model =
                first.loadModel() instanceof LoadModel.Open
                        ? new LoadModel.Open(rate)
                        : new LoadModel.Closed(concurrency);
        long start = infos.stream().mapToLong(RunInfo::startEpochMillis).min().orElseThrow();
        Map<String, String> params = new LinkedHashMap<>(first.parameters());
        params.put("merged_injectors", Integer.toString(infos.size()));
        params.put(
                "merged_from",
                String.join(",", dirs.stream().map(d -> d.getFileName().toString()).toList()));
        return new RunInfo(
                first.scenario(),
                "merged",
                start,
                String.join(",", hosts),
                model,
                first.interval(),
                first.window(),
                first.slo(),
                params,
                first.redactedParameters(),
                first.versions(),
                first.machine(),
                first.classSlos());
    }

    /** Checks OUT_DIR is absent or empty and creates it; true when it did not exist. */
    private static boolean prepareOut(Path outDir, List<Path> runDirs) {
        try {
            for (Path in : runDirs) {
                if (Files.exists(outDir) && Files.isSameFile(in, outDir)) {
                    throw new BadInputException("OUT_DIR " + outDir + " is one of the inputs");
                }
            }
            if (Files.exists(outDir)) {
                if (!Files.isDirectory(outDir)) {
                    throw new BadInputException(
                            "OUT_DIR " + outDir + " exists and is not a directory");
                }
                try (var entries = Files.list(outDir)) {
                    if (entries.findAny().isPresent()) {
                        throw new BadInputException(
                                "OUT_DIR "
                                        + outDir
                                        + " exists and is not empty: nothing was overwritten");
                    }
                }
                return false;
            }
            Files.createDirectories(outDir);
            return true;
        } catch (IOException e) {
            throw new BadInputException(
                    "cannot create OUT_DIR " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static RunInfo readInfo(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a run folder (no such directory)");
        }
        try {
            return RunInfoJson.parse(Files.readString(dir.resolve(RunFolder.RUN_JSON)));
        } catch (IOException e) {
            throw new BadInputException(
                    "cannot read " + dir.resolve(RunFolder.RUN_JSON) + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(dir.resolve(RunFolder.RUN_JSON) + ": " + e.getMessage(), e);
        }
    }
}
