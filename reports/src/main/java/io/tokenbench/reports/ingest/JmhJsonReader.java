package io.tokenbench.reports.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.reports.model.Block;
import io.tokenbench.reports.model.IntervalPoint;
import io.tokenbench.reports.model.Json;
import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunHeader;
import io.tokenbench.reports.model.SeriesData;
import io.tokenbench.reports.record.PhaseCounts;
import io.tokenbench.reports.record.ValueUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Reads JMH's {@code -rf json} output into a {@link RunData}, so benchmark runs summarise, compare
 * and gate like load runs. One series per benchmark and parameter set, named {@code Class.method}
 * plus {@code [param=value,...]} and, outside sample mode, {@code :mode}.
 *
 * <ul>
 *   <li>{@code sample} mode: {@code primaryMetric.rawDataHistogram} ({@code
 *       [fork][iteration][[value, count]]} in {@code scoreUnit}, e.g. {@code ms/op}) is recorded
 *       into an HdrHistogram in nanoseconds, reported in ms like every latency.
 *   <li>other modes: the iteration scores ({@code rawData}, {@code [fork][iteration]}) form the
 *       distribution, stored in thousandths of {@code scoreUnit}.
 * </ul>
 *
 * Each fork x iteration becomes one bootstrap {@link Block}.
 */
public final class JmhJsonReader {

    private JmhJsonReader() {}

    public static RunData read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + " does not exist");
        } catch (IOException e) {
            throw new BadInputException(file + " is not JMH JSON output: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new BadInputException(
                    file + " is not JMH JSON output (-rf json writes a JSON array)");
        }
        if (root.isEmpty()) {
            throw new BadInputException(file + " holds no benchmark results");
        }
        Map<String, SeriesData> series = new LinkedHashMap<>();
        List<Map<String, Histogram>> blocks = new ArrayList<>();
        int threads = 1;
        String jmhVersion = "?";
        int index = 0;
        for (JsonNode bench : root) {
            index++;
            try {
                threads = Math.max(threads, (int) Json.integer(bench, "threads"));
                jmhVersion =
                        bench.has("jmhVersion") ? bench.get("jmhVersion").asText() : jmhVersion;
                readBenchmark(bench, series, blocks);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(
                        file + " benchmark #" + index + ": " + e.getMessage(), e);
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            modified = Instant.EPOCH;
        }
        RunHeader header =
                new RunHeader(
                        name.replaceAll("[^A-Za-z0-9._-]", "_"),
                        "jmh",
                        "-",
                        modified.toString(),
                        new LoadModel.Closed(threads),
                        0,
                        -1,
                        0,
                        0,
                        Double.NaN,
                        Map.of("jmh", jmhVersion));
        List<Block> blockList = new ArrayList<>();
        blocks.forEach(b -> blockList.add(new Block(b, PhaseCounts.ZERO)));
        return new RunData(
                file.toString(),
                header,
                Optional.empty(),
                series,
                PhaseCounts.ZERO,
                List.of(),
                blockList);
    }

    private static void readBenchmark(
            JsonNode bench, Map<String, SeriesData> series, List<Map<String, Histogram>> blocks) {
        String mode = Json.text(bench, "mode");
        String fqn = Json.text(bench, "benchmark");
        String[] parts = fqn.split("\\.");
        String name =
                parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : fqn;
        JsonNode params = bench.get("params");
        if (params != null && params.isObject() && params.size() > 0) {
            Map<String, String> sorted = new TreeMap<>();
            params.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
            StringBuilder sb = new StringBuilder("[");
            sorted.forEach(
                    (k, v) ->
                            sb.append(sb.length() > 1 ? "," : "").append(k).append('=').append(v));
            name = name + sb.append(']');
        }
        JsonNode primary = Json.object(bench, "primaryMetric");
        String scoreUnit = Json.text(primary, "scoreUnit");
        Histogram total = new Histogram(3);
        ValueUnit unit;
        int block = 0;
        if (mode.equals("sample")) {
            unit = ValueUnit.NANOS_AS_MILLIS;
            double nanosPerUnit = nanosPer(scoreUnit);
            JsonNode raw = Json.field(primary, "rawDataHistogram");
            for (JsonNode fork : raw) {
                for (JsonNode iteration : fork) {
                    Histogram h = new Histogram(3);
                    for (JsonNode pair : iteration) {
                        if (!pair.isArray()
                                || pair.size() != 2
                                || !pair.get(0).isNumber()
                                || !pair.get(1).isNumber()) {
                            throw new IllegalArgumentException(
                                    "rawDataHistogram entries must be [value, count]");
                        }
                        h.recordValueWithCount(
                                Math.max(0, Math.round(pair.get(0).asDouble() * nanosPerUnit)),
                                pair.get(1).asLong());
                    }
                    addBlock(blocks, block++, name, h);
                    total.add(h);
                }
            }
        } else {
            name = name + ":" + mode;
            unit = new ValueUnit("milli-" + scoreUnit, scoreUnit, 1000.0);
            JsonNode raw = Json.field(primary, "rawData");
            for (JsonNode fork : raw) {
                for (JsonNode score : fork) {
                    if (!score.isNumber()) {
                        throw new IllegalArgumentException("rawData entries must be numbers");
                    }
                    Histogram h = new Histogram(3);
                    h.recordValue(Math.max(0, Math.round(score.asDouble() * 1000.0)));
                    addBlock(blocks, block++, name, h);
                    total.add(h);
                }
            }
        }
        if (total.getTotalCount() == 0) {
            throw new IllegalArgumentException(
                    name + " has no raw data (run JMH without -Djmh.json.rawData=false)");
        }
        if (series.containsKey(name)) {
            throw new IllegalArgumentException("benchmark " + name + " appears twice");
        }
        series.put(name, new SeriesData(name, unit, total, List.<IntervalPoint>of()));
    }

    private static void addBlock(
            List<Map<String, Histogram>> blocks, int index, String name, Histogram h) {
        while (blocks.size() <= index) {
            blocks.add(new HashMap<>());
        }
        blocks.get(index).put(name, h);
    }

    /** Nanoseconds per unit of a JMH time unit such as {@code ms/op}. */
    static double nanosPer(String scoreUnit) {
        String u = scoreUnit.split("/")[0];
        return switch (u) {
            case "ns" -> 1.0;
            case "us" -> 1_000.0;
            case "ms" -> 1_000_000.0;
            case "s" -> 1_000_000_000.0;
            case "min" -> 60_000_000_000.0;
            default ->
                    throw new IllegalArgumentException(
                            "sample mode with a non-time unit: " + scoreUnit);
        };
    }
}
