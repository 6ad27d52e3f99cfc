package io.tokenbench.reports.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.reports.model.Json;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.ErrorSample;
import io.tokenbench.reports.record.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The "top errors" table: one row per failure outcome of the measured window, most frequent first.
 * Counts come from the outcomes (exact); statuses and the first message come from the samples in
 * {@code errors.jsonl} (the first N per class, outcome and status, so they say why, not how often).
 *
 * @param rows the rows, most frequent first
 */
record TopErrors(List<Row> rows) {

    /** Longest message shown in a table cell. */
    static final int MAX_MESSAGE_CHARS = 160;

    /**
     * @param count requests with this outcome (measured window)
     * @param statuses HTTP statuses seen in its samples ("401, 404"; "none" for no response; "-"
     *     without samples)
     * @param message the first sample's error message, or why there is none
     */
    record Row(Outcome outcome, long count, String statuses, String message) {}

    static TopErrors of(RunSummary s, List<ErrorSample> samples) {
        List<Row> rows = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            long n = s.outcomes().get(o);
            if (o.isSuccess() || n == 0) {
                continue;
            }
            List<ErrorSample> mine = samples.stream().filter(e -> e.outcome() == o).toList();
            Set<String> statuses = new LinkedHashSet<>();
            mine.forEach(
                    e -> statuses.add(e.status() == 0 ? "none" : Integer.toString(e.status())));
            rows.add(
                    new Row(
                            o,
                            n,
                            statuses.isEmpty() ? "-" : String.join(", ", statuses),
                            mine.isEmpty()
                                    ? (o == Outcome.TIMEOUT_IDLE && s.requests().unfinished() > 0
                                            ? "(unfinished when the recorder closed)"
                                            : "(no sample in errors.jsonl)")
                                    : message(mine.get(0).body())));
        }
        rows.sort(Comparator.comparingLong(Row::count).reversed());
        return new TopErrors(rows);
    }

    /**
     * An OpenAI-style {@code {"error":{"message":...}}} body's message (also {@code
     * {"error":"text"}} and {@code {"message":...}}), else the first non-blank line; cut at {@link
     * #MAX_MESSAGE_CHARS}.
     */
    static String message(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        String found = null;
        if (text.startsWith("{")) {
            try {
                JsonNode n = Json.MAPPER.readTree(text);
                JsonNode error = n.path("error");
                if (error.isObject() && error.path("message").isTextual()) {
                    found = error.get("message").asText();
                } else if (error.isTextual()) {
                    found = error.asText();
                } else if (n.path("message").isTextual()) {
                    found = n.get("message").asText();
                }
            } catch (Exception e) {
                // a body cut at 4 KiB or not JSON at all: fall back to its first line
            }
        }
        if (found == null) {
            found =
                    text.lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .findFirst()
                            .orElse("");
        }
        found = found.replaceAll("\\s+", " ").strip();
        return found.length() > MAX_MESSAGE_CHARS
                ? found.substring(0, MAX_MESSAGE_CHARS - 1) + "…"
                : found;
    }

    /** Adds the section to a document (nothing when every request succeeded). */
    void appendTo(Doc d) {
        if (rows.isEmpty()) {
            return;
        }
        d.heading(2, "Top errors");
        List<List<String>> table = new ArrayList<>();
        for (Row r : rows) {
            table.add(
                    List.of(
                            Long.toString(r.count()),
                            r.outcome().wireName(),
                            r.statuses(),
                            r.message()));
        }
        d.table(List.of("count", "outcome", "status", "first message"), table, 4);
        d.para(
                "Counts: outcomes of the measured window. Statuses and messages: the first samples"
                        + " per outcome and status in errors.jsonl (secrets redacted).");
    }
}
