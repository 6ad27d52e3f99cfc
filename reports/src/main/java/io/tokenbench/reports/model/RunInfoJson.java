package io.tokenbench.reports.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Slo;
import io.tokenbench.reports.record.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code run.json}: writes a {@link RunInfo} and reads it back strictly. */
public final class RunInfoJson {

    private RunInfoJson() {}

    public static String toJson(RunInfo info) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema_version", RunInfo.SCHEMA_VERSION);
        root.put("scenario", info.scenario());
        root.put("driver", info.driver());
        root.put("started_at", Instant.ofEpochMilli(info.startEpochMillis()).toString());
        root.put("start_epoch_ms", info.startEpochMillis());
        root.put("target_host", info.targetHost());
        ObjectNode load = root.putObject("load_model");
        load.put("type", info.loadModel().type());
        if (info.loadModel() instanceof LoadModel.Open open) {
            load.put("rate_per_second", open.ratePerSecond());
        } else if (info.loadModel() instanceof LoadModel.Closed closed) {
            load.put("concurrency", closed.concurrency());
        }
        root.put("interval_ms", info.interval().toMillis());
        ObjectNode window = root.putObject("window");
        window.put("warmup_ms", info.window().warmup().toMillis());
        if (info.window().isUnbounded()) {
            window.putNull("measurement_ms");
        } else {
            window.put("measurement_ms", info.window().measurement().toMillis());
        }
        window.put("grace_ms", info.window().grace().toMillis());
        ObjectNode slo = root.putObject("slo");
        bound(slo, "ttft_sched_ms", info.slo().ttftSchedMaxNanos());
        bound(slo, "tpot_ms", info.slo().tpotMaxNanos());
        bound(slo, "e2e_sched_ms", info.slo().e2eSchedMaxNanos());
        if (!info.classSlos().isEmpty()) {
            ObjectNode byClass = root.putObject("slo_by_class");
            info.classSlos()
                    .forEach(
                            (endpoint, c) -> {
                                ObjectNode n = byClass.putObject(endpoint.wireName());
                                bound(n, "ttft_sched_ms", c.ttftSchedMaxNanos());
                                bound(n, "tpot_ms", c.tpotMaxNanos());
                                bound(n, "e2e_sched_ms", c.e2eSchedMaxNanos());
                            });
        }
        ObjectNode params = root.putObject("parameters");
        new TreeMap<>(info.parameters()).forEach(params::put);
        info.redactedParameters().forEach(root.putArray("redacted_parameters")::add);
        ObjectNode versions = root.putObject("versions");
        new TreeMap<>(info.versions()).forEach(versions::put);
        ObjectNode machine = root.putObject("machine");
        machine.put("os", info.machine().os());
        machine.put("arch", info.machine().arch());
        machine.put("cpus", info.machine().cpus());
        machine.put("java", info.machine().java());
        machine.put("max_heap_mib", info.machine().maxHeapMibs());
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bound(ObjectNode n, String field, long nanos) {
        if (nanos == Slo.UNBOUNDED) {
            n.putNull(field);
        } else {
            n.put(field, nanos / 1e6);
        }
    }

    /**
     * @throws IllegalArgumentException naming the bad field or an unknown schema version
     */
    public static RunInfo parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run.json is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("run.json is not a JSON object");
        }
        long version = Json.integer(root, "schema_version");
        if (version != RunInfo.SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "run.json has schema_version "
                            + version
                            + "; this tokenbench reads version "
                            + RunInfo.SCHEMA_VERSION);
        }
        JsonNode load = Json.object(root, "load_model");
        String type = Json.text(load, "type");
        LoadModel model =
                switch (type) {
                    case "open" -> new LoadModel.Open(Json.number(load, "rate_per_second"));
                    case "closed" -> new LoadModel.Closed((int) Json.integer(load, "concurrency"));
                    default ->
                            throw new IllegalArgumentException(
                                    "load_model.type must be open or closed: " + type);
                };
        JsonNode w = Json.object(root, "window");
        JsonNode measurement = Json.field(w, "measurement_ms");
        Window window =
                new Window(
                        Duration.ofMillis(Json.integer(w, "warmup_ms")),
                        measurement.isNull()
                                ? Window.UNBOUNDED
                                : Duration.ofMillis(Json.integer(w, "measurement_ms")),
                        Duration.ofMillis(Json.integer(w, "grace_ms")));
        JsonNode s = Json.object(root, "slo");
        Slo slo = new Slo(bound(s, "ttft_sched_ms"), bound(s, "tpot_ms"), bound(s, "e2e_sched_ms"));
        Map<EndpointClass, Slo> classSlos = new java.util.EnumMap<>(EndpointClass.class);
        JsonNode byClass = root.get("slo_by_class");
        if (byClass != null) {
            if (!byClass.isObject()) {
                throw new IllegalArgumentException("slo_by_class must be an object");
            }
            for (Map.Entry<String, JsonNode> e : byClass.properties()) {
                EndpointClass endpoint =
                        EndpointClass.fromWireName(e.getKey())
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "slo_by_class: unknown endpoint class '"
                                                                + e.getKey()
                                                                + "'"));
                JsonNode c = e.getValue();
                classSlos.put(
                        endpoint,
                        new Slo(
                                bound(c, "ttft_sched_ms"),
                                bound(c, "tpot_ms"),
                                bound(c, "e2e_sched_ms")));
            }
        }
        List<String> redacted = new ArrayList<>();
        JsonNode r = root.get("redacted_parameters");
        if (r != null) {
            r.forEach(n -> redacted.add(n.asText()));
        }
        JsonNode m = Json.object(root, "machine");
        Machine machine =
                new Machine(
                        Json.text(m, "os"),
                        Json.text(m, "arch"),
                        (int) Json.integer(m, "cpus"),
                        Json.text(m, "java"),
                        Json.integer(m, "max_heap_mib"));
        Map<String, String> parameters = strings(Json.object(root, "parameters"));
        requirePositiveMillis(parameters, SummaryBuilder.DISPATCH_BUDGET_PARAMETER);
        return new RunInfo(
                Json.text(root, "scenario"),
                Json.text(root, "driver"),
                Json.integer(root, "start_epoch_ms"),
                Json.text(root, "target_host"),
                model,
                Duration.ofMillis(Json.integer(root, "interval_ms")),
                window,
                slo,
                parameters,
                redacted,
                strings(Json.object(root, "versions")),
                machine,
                classSlos);
    }

    /** A parameter the report computes with: a positive number when present, never a guess. */
    private static void requirePositiveMillis(Map<String, String> parameters, String name) {
        String v = parameters.get(name);
        if (v == null) {
            return;
        }
        double ms;
        try {
            ms = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            ms = Double.NaN;
        }
        if (!(ms > 0) || Double.isInfinite(ms)) {
            throw new IllegalArgumentException(
                    "parameters."
                            + name
                            + " is '"
                            + v
                            + "', not a positive number of milliseconds");
        }
    }

    private static long bound(JsonNode n, String field) {
        double ms = Json.numberOrNull(n, field);
        return Double.isNaN(ms) ? Slo.UNBOUNDED : Math.round(ms * 1e6);
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
