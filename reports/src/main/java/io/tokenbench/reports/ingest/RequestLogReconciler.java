package io.tokenbench.reports.ingest;

import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.PhaseCounts;
import io.tokenbench.reports.record.RequestLogReader;
import io.tokenbench.reports.record.RequestRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that {@code requests.jsonl.gz} tells the same story as {@code outcomes.jsonl}: the records
 * of phase {@code measured}, counted per outcome, equal the measured outcome counts exactly.
 * Unfinished requests (scheduled, never recorded; counted as {@code timeout_idle} at close) have no
 * record, so {@code timeout_idle} is expected {@code unfinished} times fewer.
 */
public final class RequestLogReconciler {

    private RequestLogReconciler() {}

    /**
     * @param expected outcome counts the records should have (unfinished already subtracted)
     * @param found outcome counts of the measured records
     * @param records every record read (all phases)
     * @param truncated the file was cut short (a killed run)
     */
    public record Reconciliation(
            Map<Outcome, Long> expected,
            Map<Outcome, Long> found,
            long records,
            boolean truncated) {

        public boolean matches() {
            return !truncated && expected.equals(found);
        }

        /** {@code "http_5xx: 3 records, 4 in outcomes.jsonl; ..."}, or "match". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Outcome o : Outcome.values()) {
                long e = expected.getOrDefault(o, 0L);
                long f = found.getOrDefault(o, 0L);
                if (e != f) {
                    parts.add(o.wireName() + ": " + f + " measured records, " + e + " expected");
                }
            }
            if (truncated) {
                parts.add("the file is cut short");
            }
            return parts.isEmpty() ? "match" : String.join("; ", parts);
        }
    }

    /** Against the measured counts of a run folder's outcomes.jsonl. */
    public static Reconciliation reconcile(Path requestsFile, PhaseCounts measured) {
        return reconcile(requestsFile, measured.outcomes(), measured.unfinished());
    }

    /** Against a summary's outcome counts (summary.json). */
    public static Reconciliation reconcile(Path requestsFile, RunSummary summary) {
        return reconcile(requestsFile, summary.outcomes(), summary.requests().unfinished());
    }

    static Reconciliation reconcile(Path file, Map<Outcome, Long> outcomes, long unfinished) {
        Map<Outcome, Long> expected = new EnumMap<>(Outcome.class);
        outcomes.forEach(
                (o, n) -> {
                    long e = o == Outcome.TIMEOUT_IDLE ? n - unfinished : n;
                    if (e != 0) {
                        expected.put(o, e);
                    }
                });
        Map<Outcome, Long> found = new EnumMap<>(Outcome.class);
        RequestLogReader.Result read;
        try {
            read =
                    RequestLogReader.forEach(
                            file,
                            r -> {
                                if (RequestRecord.MEASURED.equals(r.phase())) {
                                    found.merge(r.outcome(), 1L, Long::sum);
                                }
                            });
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        return new Reconciliation(expected, found, read.records(), read.truncated());
    }
}
