package io.tokenbench.reports.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The {@code outcomes.jsonl} line format, written by {@link RunRecorder} and read back by the
 * report. One JSON object per line:
 *
 * <pre>
 * {"start_ms":1764359000000,"end_ms":1764359001000,"phases":{"measure":{"scheduled":10,"sent":10,
 * "completed":9,"outcomes":{"ok":8,"http_429":1},"input_tokens":900,"output_tokens":1200,"good":7,
 * "micro_credits":5400,"token_mismatch":0,"retry_after":{"count":1,"sum_ms":2000,"max_ms":2000},
 * "unfinished":0}}}</pre>
 *
 * Only non-empty phases and non-zero outcomes are written. A run recorded per endpoint class adds,
 * inside each phase, {@code "classes":{"images":{...same fields...},...}} (absent otherwise, so
 * older lines read the same); a phase whose own counts are empty is still written (with zeros) when
 * one of its classes is not. Reading is strict: unknown phases, classes or outcomes and missing or
 * negative numbers are errors.
 */
public final class OutcomesJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutcomesJson() {}

    public static String toJson(OutcomesLine line) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("start_ms", line.startEpochMillis());
        root.put("end_ms", line.endEpochMillis());
        ObjectNode phases = root.putObject("phases");
        for (Phase phase : Phase.values()) {
            // A phase is written when its own counts or a class's are non-empty: a request's class
            // counts and
            // its phase counts may land in adjacent intervals, so an interval can hold one without
            // the other.
            Map<EndpointClass, PhaseCounts> byClass = line.classes().getOrDefault(phase, Map.of());
            if (!line.phases().containsKey(phase) && byClass.isEmpty()) {
                continue;
            }
            ObjectNode n = phases.putObject(phase.wireName());
            write(n, line.phase(phase));
            if (!byClass.isEmpty()) {
                ObjectNode classes = n.putObject("classes");
                byClass.forEach(
                        (endpoint, counts) ->
                                write(classes.putObject(endpoint.wireName()), counts));
            }
        }
        return root.toString();
    }

    private static void write(ObjectNode n, PhaseCounts c) {
        n.put("scheduled", c.scheduled());
        n.put("sent", c.sent());
        n.put("completed", c.completed());
        ObjectNode outcomes = n.putObject("outcomes");
        c.outcomes().forEach((o, v) -> outcomes.put(o.wireName(), v));
        n.put("input_tokens", c.inputTokens());
        n.put("output_tokens", c.outputTokens());
        n.put("good", c.good());
        n.put("micro_credits", c.microCredits());
        n.put("token_mismatch", c.tokenMismatch());
        ObjectNode retry = n.putObject("retry_after");
        retry.put("count", c.retryAfterCount());
        retry.put("sum_ms", c.retryAfterSumMillis());
        retry.put("max_ms", c.retryAfterMaxMillis());
        n.put("unfinished", c.unfinished());
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static OutcomesLine parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        long start = number(root, "start_ms");
        long end = number(root, "end_ms");
        JsonNode phasesNode = object(root, "phases");
        Map<Phase, PhaseCounts> phases = new EnumMap<>(Phase.class);
        Map<Phase, Map<EndpointClass, PhaseCounts>> classes = new EnumMap<>(Phase.class);
        for (Map.Entry<String, JsonNode> e : phasesNode.properties()) {
            Phase phase =
                    Phase.fromWireName(e.getKey())
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "unknown phase '" + e.getKey() + "'"));
            phases.put(phase, read(e.getValue()));
            JsonNode classesNode = e.getValue().get("classes");
            if (classesNode != null) {
                if (!classesNode.isObject()) {
                    throw new IllegalArgumentException("'classes' is not an object");
                }
                Map<EndpointClass, PhaseCounts> byClass = new EnumMap<>(EndpointClass.class);
                for (Map.Entry<String, JsonNode> c : classesNode.properties()) {
                    EndpointClass endpoint =
                            EndpointClass.fromWireName(c.getKey())
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            "unknown endpoint class '"
                                                                    + c.getKey()
                                                                    + "'"));
                    byClass.put(endpoint, read(c.getValue()));
                }
                classes.put(phase, byClass);
            }
        }
        return new OutcomesLine(start, end, phases, classes);
    }

    private static PhaseCounts read(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("phase is not an object");
        }
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Map.Entry<String, JsonNode> e : object(n, "outcomes").properties()) {
            Outcome o =
                    Outcome.fromWireName(e.getKey())
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "unknown outcome '" + e.getKey() + "'"));
            outcomes.put(o, nonNegative(e.getValue(), e.getKey()));
        }
        JsonNode retry = object(n, "retry_after");
        return new PhaseCounts(
                number(n, "scheduled"),
                number(n, "sent"),
                number(n, "completed"),
                outcomes,
                number(n, "input_tokens"),
                number(n, "output_tokens"),
                number(n, "good"),
                number(n, "micro_credits"),
                number(n, "token_mismatch"),
                number(retry, "count"),
                number(retry, "sum_ms"),
                number(retry, "max_ms"),
                number(n, "unfinished"));
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("missing object '" + field + "'");
        }
        return n;
    }

    private static long number(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null) {
            throw new IllegalArgumentException("missing number '" + field + "'");
        }
        return nonNegative(n, field);
    }

    private static long nonNegative(JsonNode n, String field) {
        if (!n.isIntegralNumber() || n.asLong() < 0) {
            throw new IllegalArgumentException(
                    "'" + field + "' must be a non-negative integer, got " + n);
        }
        return n.asLong();
    }
}
