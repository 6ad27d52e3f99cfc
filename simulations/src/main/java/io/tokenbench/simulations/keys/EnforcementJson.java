package io.tokenbench.simulations.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code enforcement.json}: the schema is documented in simulations/KEYS-VERIFY.md (schema_version
 * 1). The one place where evidence records become JSON: record components in snake_case ({@code
 * limitMicroCredits} becomes {@code limit_micro_credits}; names the strategy cannot derive, such as
 * {@code used_in_period_2s_before_micro_credits}, are given with {@code @JsonProperty}), verdicts
 * by their wire name.
 */
public final class EnforcementJson {
    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    // ratios keep their 4 decimals (0.0000, not 0)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();

    private EnforcementJson() {}

    /** A check's evidence as it appears in {@code enforcement.json}. */
    public static ObjectNode evidence(CheckResult c) {
        return JSON.valueToTree(c.evidence());
    }

    public static ObjectNode toTree(EnforcementReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", EnforcementReport.SCHEMA_VERSION);
        root.put("tool", "tokenbench keys verify");
        ObjectNode target = root.putObject("target");
        target.put("kind", r.targetKind());
        target.put("host", r.targetHost());
        root.put("started_at", r.startedAt().toString());
        root.put("finished_at", r.finishedAt().toString());
        root.put("result", (r.failed() ? Verdict.FAIL : Verdict.PASS).wireName());
        root.put("exit_code", r.exitCode());
        ObjectNode counts = root.putObject("counts");
        for (Verdict v : Verdict.values()) {
            counts.put(v.wireName(), r.checks().stream().filter(c -> c.verdict() == v).count());
        }
        root.set("settings", r.settings());
        root.set("mock_profile", r.mockProfile());
        ArrayNode checks = root.putArray("checks");
        ArrayNode notChecked = root.putArray("not_checked");
        for (CheckResult c : r.checks()) {
            ObjectNode o = checks.addObject();
            o.put("name", c.name().wireName());
            o.put("measures", c.name().measures());
            o.put("verdict", c.verdict().wireName());
            o.put("summary", c.summary());
            o.set("evidence", evidence(c));
            if (c.verdict() == Verdict.NOT_CHECKED) {
                notChecked.addObject().put("name", c.name().wireName()).put("reason", c.summary());
            }
        }
        return root;
    }

    public static String toJson(EnforcementReport r) {
        try {
            return JSON.writeValueAsString(toTree(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
