package io.tokenbench.reports.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.reports.enforcement.EnforcementResult;
import io.tokenbench.reports.html.Chart;
import io.tokenbench.reports.html.Headline;
import io.tokenbench.reports.html.Severity;

/**
 * The enforcement section of {@code report.html}: a verdict table, overshoot per concurrency when
 * the evidence has it, and every check's evidence as collapsible JSON. Escapes everything it
 * prints.
 */
final class EnforcementSection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EnforcementSection() {}

    /** The verdict box and counts per verdict for a page of its own. */
    static String headline(EnforcementResult result) {
        long failed =
                result.checks().stream()
                        .filter(c -> c.verdict() == EnforcementResult.Verdict.FAIL)
                        .count();
        Severity sev = "pass".equals(result.result()) ? Severity.PASS : Severity.FAIL;
        java.util.List<Headline.Tile> tiles = new java.util.ArrayList<>();
        for (EnforcementResult.Verdict v : EnforcementResult.Verdict.values()) {
            long n = result.checks().stream().filter(c -> c.verdict() == v).count();
            if (n > 0) {
                tiles.add(
                        new Headline.Tile(
                                v.wireName().replace('_', ' '),
                                Long.toString(n),
                                "checks",
                                severity(v)));
            }
        }
        return Headline.verdict(
                        result.result().toUpperCase(java.util.Locale.ROOT),
                        failed + " of " + result.checks().size() + " checks failed",
                        sev,
                        null,
                        java.util.List.of())
                + Headline.tiles(tiles);
    }

    /** The section's body (its heading is the page's). */
    static String body(EnforcementResult result) {
        StringBuilder out = new StringBuilder();
        out.append("<p data-result=\"")
                .append(esc(result.result()))
                .append("\">result: <b>")
                .append(esc(result.result()))
                .append("</b>; target: <code>")
                .append(esc(result.target().toString()))
                .append("</code></p>");
        out.append(
                "<table><thead><tr><th>check</th><th>verdict</th><th>summary</th><th>measures</th>"
                        + "</tr></thead>");
        for (EnforcementResult.Check c : result.checks()) {
            out.append("<tr data-check=\"")
                    .append(esc(c.name()))
                    .append("\"><td>")
                    .append(esc(c.name()))
                    .append("</td><td class=\"")
                    .append(severity(c.verdict()).css())
                    .append("\">")
                    .append(esc(c.verdict().wireName()))
                    .append("</td><td>")
                    .append(esc(c.summary()))
                    .append("</td><td>")
                    .append(esc(c.measures()))
                    .append("</td></tr>");
        }
        out.append("</table>");
        result.checks().stream()
                .filter(c -> c.evidence().path("by_concurrency").isArray())
                .findFirst()
                .ifPresent(c -> overshoot(out, c.evidence().path("by_concurrency")));
        out.append("<h3>Evidence</h3>");
        for (EnforcementResult.Check c : result.checks()) {
            out.append("<details><summary>")
                    .append(esc(c.name()))
                    .append(" (")
                    .append(esc(c.verdict().wireName()))
                    .append(")</summary><pre>")
                    .append(esc(pretty(c.evidence())))
                    .append("</pre></details>");
        }
        return out.toString();
    }

    private static void overshoot(StringBuilder out, JsonNode rows) {
        out.append(
                "<h3>Overshoot per concurrency</h3><table><tr><th>concurrency</th>"
                        + "<th>max overshoot (micro-Credits)</th><th>share of limit</th></tr>");
        for (JsonNode row : rows) {
            out.append("<tr><td class=\"n\">")
                    .append(esc(row.path("concurrency").asText()))
                    .append("</td><td class=\"n\">")
                    .append(esc(row.path("max_overshoot_micro_credits").asText()))
                    .append("</td><td class=\"n\">")
                    .append(esc(row.path("max_overshoot_share_of_limit").asText()))
                    .append("</td></tr>");
        }
        out.append("</table>");
        double[] xs = new double[rows.size()];
        double[] ys = new double[rows.size()];
        int i = 0;
        for (JsonNode row : rows) {
            xs[i] = row.path("concurrency").asDouble(Double.NaN);
            ys[i++] = 100 * row.path("max_overshoot_share_of_limit").asDouble(Double.NaN);
        }
        Chart c =
                Chart.linear(
                                "Overshoot of the limit by concurrency",
                                "concurrent requests",
                                "",
                                "max overshoot (% of the limit)",
                                "%")
                        .line("max overshoot", Chart.PALETTE.get(1), xs, ys);
        if (c.drawableSeries() > 0) {
            out.append("<div class=\"grid2\">").append(c.toHtml()).append("</div>");
        }
    }

    static Severity severity(EnforcementResult.Verdict verdict) {
        return switch (verdict) {
            case PASS -> Severity.PASS;
            case FAIL -> Severity.FAIL;
            case QUANTIFIED -> Severity.INFO;
            case NOT_CHECKED -> Severity.WARN;
        };
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static String esc(String text) {
        return Xml.escape(text);
    }
}
