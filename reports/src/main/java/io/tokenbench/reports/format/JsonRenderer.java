package io.tokenbench.reports.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.compare.Delta;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.gate.RuleResult;
import io.tokenbench.reports.model.Json;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryJson;
import java.util.List;

/** JSON: {@code summary.json} for reports, and machine-readable comparisons and gate results. */
final class JsonRenderer implements Renderer {

    @Override
    public String report(ReportInput input) {
        return SummaryJson.toJson(input.summary());
    }

    @Override
    public String comparison(Comparison c) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema_version", RunSummary.SCHEMA_VERSION);
        run(root.putObject("baseline"), c.baseline());
        run(root.putObject("current"), c.current());
        deltas(root.putArray("metrics"), c.metrics());
        deltas(root.putArray("run"), c.run());
        deltas(root.putArray("outcomes"), c.outcomes());
        ArrayNode warnings = root.putArray("warnings");
        c.warnings().forEach(warnings::add);
        return Json.write(root);
    }

    private static void run(ObjectNode n, RunSummary s) {
        n.put("scenario", s.header().scenario());
        n.put("started_at", s.header().startedAt());
        n.put("load_model", s.header().loadModel().type());
    }

    private static void deltas(ArrayNode array, List<Delta> deltas) {
        for (Delta d : deltas) {
            ObjectNode n = array.addObject();
            n.put("quantity", d.quantity().name());
            n.put("unit", d.quantity().unit());
            Json.putDecimal(n, "baseline", d.baseline());
            Json.putDecimal(n, "current", d.current());
            Json.putDecimal(n, "delta", d.absolute());
            Json.putDecimal(n, "delta_relative", d.relative());
            if (d.quantity().isTotal()) {
                n.put("total", true);
            }
        }
    }

    @Override
    public String gate(GateReport g) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema_version", RunSummary.SCHEMA_VERSION);
        root.put("exit_code", g.exitCode());
        ArrayNode results = root.putArray("results");
        for (RuleResult r : g.results()) {
            ObjectNode n = results.addObject();
            n.put("rule", r.rule().text());
            n.put("line", r.rule().line());
            n.put("verdict", r.verdict().name().toLowerCase(java.util.Locale.ROOT));
            n.put("metric", r.rule().quantity().name());
            n.put("unit", r.rule().quantity().unit());
            n.put("op", r.rule().op().symbol());
            Json.putDecimal(n, "required", r.required());
            Json.putDecimal(n, "actual", r.actual());
            Json.putDecimal(n, "baseline", r.baseline());
            Json.putDecimal(n, "delta", r.delta());
            Json.putDecimal(n, "delta_relative", r.deltaRelative());
            n.put("method", r.method());
            n.put("hint", r.hint());
        }
        return Json.write(root);
    }
}
