package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.compare.Delta;
import io.tokenbench.reports.html.Severity;
import io.tokenbench.reports.html.Table;
import io.tokenbench.reports.model.Quantity;
import java.util.List;
import java.util.Map;

/**
 * The comparison's tables in HTML: human labels, totals as differences only, and, when known, the
 * statistical verdict of each delta ({@link DeltaVerdicts}).
 */
final class CompareTables {

    private CompareTables() {}

    static String html(Comparison c) {
        return html(c, Map.of());
    }

    /**
     * @param verdicts verdict per quantity name (absent: not evaluated)
     */
    static String html(Comparison c, Map<String, DeltaVerdicts.Verdict> verdicts) {
        StringBuilder sb = new StringBuilder();
        sb.append("<h3>Latency and other distributions</h3>")
                .append(table(c.metrics(), verdicts))
                .append("<h3>Throughput, goodput, errors</h3>")
                .append(table(c.run(), verdicts));
        if (!c.outcomes().isEmpty()) {
            sb.append("<h3>Share of requests by outcome</h3>")
                    .append(table(c.outcomes(), verdicts));
        }
        sb.append(
                "<p class=\"note\">delta = current \u2212 baseline. Totals (Credits spent) grow with"
                        + " the run's length: they are compared by their difference only."
                        + (verdicts.isEmpty()
                                ? ""
                                : " Verdict: a block bootstrap over the runs' intervals ("
                                        + "90% interval of the difference); \u201cwithin noise\u201d"
                                        + " when the interval contains 0.")
                        + "</p>");
        return sb.toString();
    }

    private static String table(List<Delta> deltas, Map<String, DeltaVerdicts.Verdict> verdicts) {
        List<String> header =
                verdicts.isEmpty()
                        ? List.of("quantity", "baseline", "current", "delta", "change")
                        : List.of("quantity", "baseline", "current", "delta", "change", "verdict");
        Table t = new Table(header, 1);
        for (Delta d : deltas) {
            Quantity q = d.quantity();
            List<Table.Cell> row =
                    new java.util.ArrayList<>(
                            List.of(
                                    Table.Cell.text(Labels.quantity(q)),
                                    Table.Cell.num(Fmt.value(q, d.baseline())),
                                    Table.Cell.num(Fmt.value(q, d.current())),
                                    Table.Cell.num(Fmt.delta(q, d.absolute())),
                                    Table.Cell.num(
                                            q.isTotal()
                                                    ? "(a total)"
                                                    : Fmt.signedPercent(d.relative()))));
            if (!verdicts.isEmpty()) {
                DeltaVerdicts.Verdict v = verdicts.get(q.name());
                row.add(
                        v == null
                                ? Table.Cell.text("")
                                : Table.Cell.text(v.text()).with(v.severity()));
            }
            t.row(row);
        }
        return t.toHtml();
    }

    /** Severity of a change: green when better, amber when worse, blue when within noise. */
    static Severity severity(Quantity q, int direction) {
        if (direction == 0) {
            return Severity.INFO;
        }
        return (direction > 0) == higherIsBetter(q) ? Severity.PASS : Severity.WARN;
    }

    static boolean higherIsBetter(Quantity q) {
        String n = q.name();
        return n.contains("throughput.")
                || n.contains("goodput.")
                || n.contains("decode_rate")
                || n.equals("outcome.ok.rate");
    }
}
