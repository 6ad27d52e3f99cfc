package io.tokenbench.reports.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.reports.enforcement.EnforcementResult;

/**
 * The enforcement section of {@code report.html}: a verdict table, overshoot per concurrency when
 * the evidence has it, and every check's evidence as collapsible JSON. Escapes everything it
 * prints.
 */
final class EnforcementSection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EnforcementSection() {}

    static String section(EnforcementResult result) {
        StringBuilder out =
                new StringBuilder("<section id=\"enforcement\"><h2>Key-limit enforcement</h2>");
        out.append("<p data-result=\"")
                .append(esc(result.result()))
                .append("\">result: <b>")
                .append(esc(result.result()))
                .append("</b>; target: <code>")
                .append(esc(result.target().toString()))
                .append("</code></p>");
        out.append(
                "<table><tr><th>check</th><th>verdict</th><th>summary</th><th>measures</th></tr>");
        for (EnforcementResult.Check c : result.checks()) {
            out.append("<tr data-check=\"")
                    .append(esc(c.name()))
                    .append("\"><td>")
                    .append(esc(c.name()))
                    .append("</td><td style=\"background:")
                    .append(colour(c.verdict()))
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
        return out.append("</section>\n").toString();
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
    }

    private static String colour(EnforcementResult.Verdict verdict) {
        return switch (verdict) {
            case PASS -> "#e8f6e8";
            case FAIL -> "#fde8e8";
            case QUANTIFIED -> "#fff4e0";
            case NOT_CHECKED -> "#f4f4f4";
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
