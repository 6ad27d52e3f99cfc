package io.tokenbench.simulations.keys;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code enforcement.md}: the verdict table, then per check its summary and the overshoot figures
 * per concurrency; the full evidence is in {@code enforcement.json}.
 */
public final class EnforcementMarkdown {
    private EnforcementMarkdown() {}

    public static String render(EnforcementReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Key-limit enforcement: ").append(r.failed() ? "FAIL" : "PASS").append("\n\n");
        md.append("Target: ")
                .append(r.targetKind())
                .append(" `")
                .append(r.targetHost())
                .append("`, ")
                .append(r.startedAt())
                .append(" to ")
                .append(r.finishedAt())
                .append(". Exit code ")
                .append(r.exitCode())
                .append(".\n\n");
        md.append("| check | verdict | summary |\n|---|---|---|\n");
        for (CheckResult c : r.checks()) {
            md.append("| ")
                    .append(c.name().wireName())
                    .append(" | **")
                    .append(c.verdict().wireName())
                    .append("** | ")
                    .append(escape(c.summary()))
                    .append(" |\n");
        }
        JsonNode overshoot = EnforcementJson.evidence(r.check(CheckName.OVERSHOOT));
        JsonNode coverage = overshoot.path("coverage");
        if (coverage.has("cells_total")) {
            md.append("\n## Coverage\n\n")
                    .append(coverage.path("cells_checked").asInt())
                    .append(" of ")
                    .append(coverage.path("cells_total").asInt())
                    .append(" matrix cells checked");
            if (coverage.path("cells_stopped_before_limit").asInt() > 0) {
                md.append("; ")
                        .append(coverage.path("cells_stopped_before_limit").asInt())
                        .append(" stopped before their limit (see `proves` in enforcement.json)");
            }
            md.append(".\n");
            for (JsonNode c : overshoot.path("cells_not_run")) {
                md.append("- `")
                        .append(c.path("cell").asText())
                        .append("`: not checked: ")
                        .append(escape(c.path("reason").asText()))
                        .append("\n");
            }
        }
        JsonNode byConcurrency = overshoot.path("by_concurrency");
        if (byConcurrency.size() > 0) {
            md.append(
                    "\n## Overshoot per concurrency (worst cell)\n\n| concurrency | overshoot (micro-Credits) | share of limit |\n|---|---|---|\n");
            for (JsonNode row : byConcurrency) {
                md.append("| ")
                        .append(row.path("concurrency").asInt())
                        .append(" | ")
                        .append(row.path("max_overshoot_micro_credits").asLong())
                        .append(" | ")
                        .append(row.path("max_overshoot_share_of_limit").asText("-"))
                        .append(" |\n");
            }
        }
        md.append("\n## What each check measures\n\n");
        for (CheckName n : CheckName.values()) {
            md.append("- `").append(n.wireName()).append("`: ").append(n.measures()).append("\n");
        }
        md.append("\nEvidence per check: `enforcement.json`.\n");
        return md.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
