package io.tokenbench.simulations.keys;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One check's answer: its verdict, a one-line reason a human can act on, and machine-readable
 * evidence (field names carry units: {@code _micro_credits}, {@code _ms}, {@code _share}).
 */
public record CheckResult(CheckName name, Verdict verdict, String summary, ObjectNode evidence) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static CheckResult notChecked(CheckName name, String why) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("reason", why);
        return new CheckResult(name, Verdict.NOT_CHECKED, why, e);
    }
}
