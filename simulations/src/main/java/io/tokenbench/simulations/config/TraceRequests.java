package io.tokenbench.simulations.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arrivals of a recorded trace, sorted by time and shifted so the first is at 0: a Mooncake
 * JSONL trace ({@code {"timestamp": ms, "input_length": N, "output_length": N, "hash_ids": [...]}},
 * {@code hash_ids} optional: one id per 512-token prefix block) or an Azure LLM inference trace CSV
 * ({@code TIMESTAMP,ContextTokens,GeneratedTokens}, wall-clock timestamps with an optional fraction
 * and offset). Every failure names the file and line.
 */
public final class TraceRequests {
    /** Mooncake's prefix block size in tokens. */
    public static final int BLOCK_TOKENS = 512;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Row> rows;

    /**
     * One arrival.
     *
     * @param offsetMicros microseconds after the trace's first arrival
     * @param inputTokens prompt length
     * @param outputTokens output length
     * @param hashIds prefix block ids (empty: no shared prefix information)
     */
    public record Row(long offsetMicros, int inputTokens, int outputTokens, List<Long> hashIds) {
        public Row {
            hashIds = List.copyOf(hashIds);
        }
    }

    private TraceRequests(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Reads {@code file}: CSV when its name ends in {@code .csv}, else Mooncake JSONL. */
    public static TraceRequests read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trace " + file, e);
        }
        List<Row> rows =
                file.getFileName().toString().toLowerCase().endsWith(".csv")
                        ? azure(file, lines)
                        : mooncake(file, lines);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("trace " + file + " has no requests");
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::offsetMicros)); // stable: ties keep file order
        long first = sorted.get(0).offsetMicros();
        List<Row> shifted = new ArrayList<>(sorted.size());
        for (Row r : sorted) {
            shifted.add(
                    new Row(
                            r.offsetMicros() - first,
                            r.inputTokens(),
                            r.outputTokens(),
                            r.hashIds()));
        }
        return new TraceRequests(shifted);
    }

    public int size() {
        return rows.size();
    }

    public Row row(int i) {
        return rows.get(i);
    }

    /** Offset of the last arrival, in microseconds. */
    public long spanMicros() {
        return rows.get(rows.size() - 1).offsetMicros();
    }

    private static List<Row> mooncake(Path file, List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + " line " + (n + 1);
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not JSON", e);
            }
            JsonNode ts = node.path("timestamp");
            if (!ts.isNumber() || ts.asDouble() < 0) {
                throw new IllegalArgumentException(where + ": timestamp (ms >= 0) is required");
            }
            List<Long> ids = new ArrayList<>();
            for (JsonNode id : node.path("hash_ids")) {
                ids.add(id.asLong());
            }
            int input = positive(node.path("input_length"), where, "input_length");
            if (!ids.isEmpty() && ids.size() != (input + BLOCK_TOKENS - 1) / BLOCK_TOKENS) {
                throw new IllegalArgumentException(
                        where
                                + ": hash_ids has "
                                + ids.size()
                                + " ids, ceil(input_length / 512) = "
                                + (input + BLOCK_TOKENS - 1) / BLOCK_TOKENS);
            }
            rows.add(
                    new Row(
                            Math.round(ts.asDouble() * 1000),
                            input,
                            positive(node.path("output_length"), where, "output_length"),
                            ids));
        }
        return rows;
    }

    private static List<Row> azure(Path file, List<String> lines) {
        List<Row> rows = new ArrayList<>();
        if (lines.isEmpty()
                || !lines.get(0)
                        .strip()
                        .equalsIgnoreCase("TIMESTAMP,ContextTokens,GeneratedTokens")) {
            throw new IllegalArgumentException(
                    file + " line 1: expected the header TIMESTAMP,ContextTokens,GeneratedTokens");
        }
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + " line " + (n + 1);
            String[] f = line.split(",");
            if (f.length != 3) {
                throw new IllegalArgumentException(where + ": expected 3 columns");
            }
            try {
                rows.add(
                        new Row(
                                epochMicros(f[0].strip()),
                                Math.max(1, Integer.parseInt(f[1].strip())),
                                Math.max(1, Integer.parseInt(f[2].strip())),
                                List.of()));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** {@code 2023-11-16 18:17:03.9799600} or {@code 2024-05-10 00:00:00.009930+00:00} (UTC). */
    static long epochMicros(String text) {
        String iso = text.replace(' ', 'T');
        boolean zoned = iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$");
        java.time.Instant t =
                zoned
                        ? OffsetDateTime.parse(iso).toInstant()
                        : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    private static int positive(JsonNode n, String where, String field) {
        if (!n.canConvertToInt() || n.asInt() < 1) {
            throw new IllegalArgumentException(where + ": " + field + " (>= 1) is required");
        }
        return n.asInt();
    }
}
