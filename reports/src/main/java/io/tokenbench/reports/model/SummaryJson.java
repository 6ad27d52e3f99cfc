package io.tokenbench.reports.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Metric;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.ValueUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code summary.json}, schema_version 1: the contract CI scripts parse (documented in
 * reports/README.md). The {@code verdict} object is an additive field (absent in files written
 * before run verdicts, and read as absent), so the schema version stays 1. Writing is deterministic
 * (fixed key order, decimals with at most 6 places, NaN as null); reading is strict and rejects any
 * other schema version.
 */
public final class SummaryJson {

    private SummaryJson() {}

    public static ObjectNode toTree(RunSummary s) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema_version", s.schemaVersion());
        RunHeader h = s.header();
        ObjectNode run = root.putObject("run");
        run.put("scenario", h.scenario());
        run.put("driver", h.driver());
        run.put("target_host", h.targetHost());
        run.put("started_at", h.startedAt());
        ObjectNode load = run.putObject("load_model");
        load.put("type", h.loadModel().type());
        if (h.loadModel() instanceof LoadModel.Open open) {
            Json.putDecimal(load, "rate_per_second", open.ratePerSecond());
        } else if (h.loadModel() instanceof LoadModel.Closed closed) {
            load.put("concurrency", closed.concurrency());
        }
        ObjectNode window = run.putObject("window");
        window.put("warmup_ms", h.warmupMillis());
        if (h.measurementMillis() < 0) {
            window.putNull("measurement_ms");
        } else {
            window.put("measurement_ms", h.measurementMillis());
        }
        window.put("grace_ms", h.graceMillis());
        Json.putDecimal(window, "measured_seconds", h.measuredSeconds());
        run.put("interval_ms", h.intervalMillis());
        ObjectNode versions = run.putObject("versions");
        new java.util.TreeMap<>(h.versions()).forEach(versions::put);

        writeMetrics(root.putObject("metrics"), s.metrics());
        ObjectNode outcomes = root.putObject("outcomes");
        s.outcomes().forEach((o, v) -> outcomes.put(o.wireName(), v));
        writeRequests(root.putObject("requests"), s.requests());
        writeThroughput(root.putObject("throughput"), s.throughput());
        ObjectNode gp = root.putObject("goodput");
        Json.putDecimal(gp, "good_rps", s.goodput().goodRps());
        Json.putDecimal(gp, "slo_attainment", s.goodput().sloAttainment());
        Json.putDecimal(root, "error_rate", s.errorRate());
        ObjectNode credits = root.putObject("credits");
        credits.put("micro_credits", s.microCredits());
        Json.putDecimal(credits, "credits", s.credits());
        ObjectNode retry = root.putObject("retry_after");
        retry.put("count", s.retryAfter().count());
        Json.putDecimal(retry, "mean_ms", s.retryAfter().meanMillis());
        retry.put("max_ms", s.retryAfter().maxMillis());
        ArrayNode validity = root.putArray("validity");
        for (RunSummary.ValidityFlag f : s.validity()) {
            validity.addObject().put("code", f.code()).put("message", f.message());
        }
        if (!s.classes().isEmpty()) {
            ObjectNode classes = root.putObject("endpoint_classes");
            s.classes()
                    .forEach(
                            (endpoint, c) -> writeClass(classes.putObject(endpoint.wireName()), c));
        }
        s.verdict().ifPresent(v -> writeVerdict(root.putObject("verdict"), v));
        return root;
    }

    private static void writeVerdict(ObjectNode n, RunVerdict v) {
        n.put("state", v.state().wireName());
        n.put("exit_code", v.exitCode());
        ArrayNode checks = n.putArray("checks");
        for (CheckResult c : v.checks()) {
            ObjectNode o = checks.addObject();
            o.put("name", c.name());
            o.put("metric", c.metric());
            o.put("op", c.op());
            Json.putDecimal(o, "threshold", c.threshold());
            o.put("unit", c.unit());
            Json.putDecimal(o, "measured", c.measured());
            o.put("status", c.status().wireName());
            o.put("origin", c.origin().wireName());
            o.put("detail", c.detail());
        }
    }

    private static RunVerdict readVerdict(JsonNode n) {
        List<CheckResult> checks = new ArrayList<>();
        JsonNode array = Json.field(n, "checks");
        if (!array.isArray()) {
            throw new IllegalArgumentException("field 'verdict.checks' must be an array");
        }
        for (JsonNode c : array) {
            checks.add(
                    new CheckResult(
                            Json.text(c, "name"),
                            Json.text(c, "metric"),
                            Json.text(c, "op"),
                            Json.numberOrNull(c, "threshold"),
                            Json.text(c, "unit"),
                            Json.numberOrNull(c, "measured"),
                            CheckResult.Status.fromWireName(Json.text(c, "status")),
                            CheckResult.Origin.fromWireName(Json.text(c, "origin")),
                            Json.text(c, "detail")));
        }
        return new RunVerdict(RunVerdict.State.fromWireName(Json.text(n, "state")), checks);
    }

    private static void writeMetrics(ObjectNode metrics, Map<String, MetricSummary> values) {
        values.forEach(
                (name, m) -> {
                    ObjectNode n = metrics.putObject(name);
                    n.put("unit", m.unit().reported());
                    n.put("count", m.count());
                    for (Stat stat : Stat.values()) {
                        if (stat != Stat.COUNT) {
                            Json.putDecimal(n, stat.wireName(), m.stat(stat));
                        }
                    }
                });
    }

    private static void writeClass(ObjectNode n, ClassSummary c) {
        n.put("slo", c.slo());
        writeMetrics(n.putObject("metrics"), c.metrics());
        ObjectNode outcomes = n.putObject("outcomes");
        c.outcomes().forEach((o, v) -> outcomes.put(o.wireName(), v));
        writeRequests(n.putObject("requests"), c.requests());
        writeThroughput(n.putObject("throughput"), c.throughput());
        ObjectNode gp = n.putObject("goodput");
        Json.putDecimal(gp, "good_rps", c.goodput().goodRps());
        Json.putDecimal(gp, "slo_attainment", c.goodput().sloAttainment());
        Json.putDecimal(n, "error_rate", c.errorRate());
        ObjectNode credits = n.putObject("credits");
        credits.put("micro_credits", c.microCredits());
        Json.putDecimal(credits, "credits", c.microCredits() / 1e6);
    }

    private static void writeRequests(ObjectNode req, RunSummary.Requests r) {
        req.put("scheduled", r.scheduled());
        req.put("sent", r.sent());
        req.put("completed", r.completed());
        req.put("attempted", r.attempted());
        req.put("good", r.good());
        req.put("unfinished", r.unfinished());
        req.put("token_mismatch", r.tokenMismatch());
    }

    private static void writeThroughput(ObjectNode tp, RunSummary.Throughput t) {
        Json.putDecimal(tp, "offered_rps", t.offeredRps());
        Json.putDecimal(tp, "sent_rps", t.sentRps());
        Json.putDecimal(tp, "completed_rps", t.completedRps());
        Json.putDecimal(tp, "output_tokens_per_s", t.outputTokensPerSecond());
        Json.putDecimal(tp, "input_tokens_per_s", t.inputTokensPerSecond());
    }

    public static String toJson(RunSummary s) {
        return Json.write(toTree(s));
    }

    /**
     * @throws IllegalArgumentException naming the bad field, or an unknown schema version
     */
    public static RunSummary parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        long version = Json.integer(root, "schema_version");
        if (version != RunSummary.SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "unknown schema_version "
                            + version
                            + "; this tokenbench reads "
                            + RunSummary.SCHEMA_VERSION);
        }
        JsonNode run = Json.object(root, "run");
        JsonNode load = Json.object(run, "load_model");
        LoadModel model =
                switch (Json.text(load, "type")) {
                    case "open" -> new LoadModel.Open(Json.number(load, "rate_per_second"));
                    case "closed" -> new LoadModel.Closed((int) Json.integer(load, "concurrency"));
                    default ->
                            throw new IllegalArgumentException(
                                    "run.load_model.type must be open or closed");
                };
        JsonNode w = Json.object(run, "window");
        JsonNode measurement = Json.field(w, "measurement_ms");
        Map<String, String> versions = new LinkedHashMap<>();
        Json.object(run, "versions")
                .properties()
                .forEach(e -> versions.put(e.getKey(), e.getValue().asText()));
        RunHeader header =
                new RunHeader(
                        Json.text(run, "scenario"),
                        Json.text(run, "driver"),
                        Json.text(run, "target_host"),
                        Json.text(run, "started_at"),
                        model,
                        Json.integer(w, "warmup_ms"),
                        measurement.isNull() ? -1 : Json.integer(w, "measurement_ms"),
                        Json.integer(w, "grace_ms"),
                        Json.integer(run, "interval_ms"),
                        Json.numberOrNull(w, "measured_seconds"),
                        versions);

        Map<String, MetricSummary> metrics = readMetrics(Json.object(root, "metrics"), "");
        Map<Outcome, Long> outcomes = readOutcomes(Json.object(root, "outcomes"));
        RunSummary.Requests requests = readRequests(Json.object(root, "requests"));
        RunSummary.Throughput throughput = readThroughput(Json.object(root, "throughput"));
        RunSummary.Goodput goodput = readGoodput(Json.object(root, "goodput"));
        JsonNode ra = Json.object(root, "retry_after");
        RunSummary.RetryAfter retry =
                new RunSummary.RetryAfter(
                        Json.integer(ra, "count"),
                        Json.numberOrNull(ra, "mean_ms"),
                        Json.integer(ra, "max_ms"));
        List<RunSummary.ValidityFlag> flags = new ArrayList<>();
        JsonNode v = Json.field(root, "validity");
        if (!v.isArray()) {
            throw new IllegalArgumentException("field 'validity' must be an array");
        }
        v.forEach(
                f ->
                        flags.add(
                                new RunSummary.ValidityFlag(
                                        Json.text(f, "code"), Json.text(f, "message"))));
        Map<EndpointClass, ClassSummary> classes = new EnumMap<>(EndpointClass.class);
        JsonNode byClass = root.get("endpoint_classes");
        if (byClass != null) {
            if (!byClass.isObject()) {
                throw new IllegalArgumentException("field 'endpoint_classes' must be an object");
            }
            for (Map.Entry<String, JsonNode> e : byClass.properties()) {
                EndpointClass endpoint =
                        EndpointClass.fromWireName(e.getKey())
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "endpoint_classes: unknown class '"
                                                                + e.getKey()
                                                                + "'"));
                JsonNode c = e.getValue();
                classes.put(
                        endpoint,
                        new ClassSummary(
                                endpoint,
                                readMetrics(Json.object(c, "metrics"), endpoint.wireName() + "."),
                                readOutcomes(Json.object(c, "outcomes")),
                                readRequests(Json.object(c, "requests")),
                                readThroughput(Json.object(c, "throughput")),
                                readGoodput(Json.object(c, "goodput")),
                                Json.numberOrNull(c, "error_rate"),
                                Json.integer(Json.object(c, "credits"), "micro_credits"),
                                Json.text(c, "slo")));
            }
        }
        return new RunSummary(
                RunSummary.SCHEMA_VERSION,
                header,
                metrics,
                outcomes,
                requests,
                throughput,
                goodput,
                Json.numberOrNull(root, "error_rate"),
                Json.integer(Json.object(root, "credits"), "micro_credits"),
                retry,
                flags,
                classes,
                root.hasNonNull("verdict")
                        ? Optional.of(readVerdict(Json.object(root, "verdict")))
                        : Optional.empty());
    }

    /** {@code prefix} ("images.") names the class of per-class metrics. */
    private static Map<String, MetricSummary> readMetrics(JsonNode node, String prefix) {
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        node.properties()
                .forEach(
                        e -> {
                            JsonNode n = e.getValue();
                            String unitName = Json.text(n, "unit");
                            ValueUnit unit =
                                    Metric.fromWireName(e.getKey())
                                            .map(Metric::unit)
                                            .orElse(
                                                    unitName.equals("ms")
                                                            ? ValueUnit.NANOS_AS_MILLIS
                                                            : new ValueUnit(
                                                                    unitName, unitName, 1.0));
                            metrics.put(
                                    e.getKey(),
                                    new MetricSummary(
                                            prefix + e.getKey(),
                                            unit,
                                            Json.integer(n, "count"),
                                            Json.numberOrNull(n, "mean"),
                                            Json.numberOrNull(n, "p50"),
                                            Json.numberOrNull(n, "p90"),
                                            Json.numberOrNull(n, "p95"),
                                            Json.numberOrNull(n, "p99"),
                                            Json.numberOrNull(n, "p99_9"),
                                            Json.numberOrNull(n, "max")));
                        });
        return metrics;
    }

    private static Map<Outcome, Long> readOutcomes(JsonNode o) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Json.integer(o, outcome.wireName()));
        }
        return outcomes;
    }

    private static RunSummary.Requests readRequests(JsonNode r) {
        return new RunSummary.Requests(
                Json.integer(r, "scheduled"),
                Json.integer(r, "sent"),
                Json.integer(r, "completed"),
                Json.integer(r, "attempted"),
                Json.integer(r, "good"),
                Json.integer(r, "unfinished"),
                Json.integer(r, "token_mismatch"));
    }

    private static RunSummary.Throughput readThroughput(JsonNode t) {
        return new RunSummary.Throughput(
                Json.numberOrNull(t, "offered_rps"),
                Json.numberOrNull(t, "sent_rps"),
                Json.numberOrNull(t, "completed_rps"),
                Json.numberOrNull(t, "output_tokens_per_s"),
                Json.numberOrNull(t, "input_tokens_per_s"));
    }

    private static RunSummary.Goodput readGoodput(JsonNode g) {
        return new RunSummary.Goodput(
                Json.numberOrNull(g, "good_rps"), Json.numberOrNull(g, "slo_attainment"));
    }
}
