package io.tokenbench.reports.enforcement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One {@code enforcement.json}: the overall result, the target, and every check with its evidence.
 *
 * @param result {@code pass} or {@code fail}
 * @param target where the checks ran (kind and host), as written
 * @param checks every check in the file's order
 */
public record EnforcementResult(String result, JsonNode target, List<Check> checks) {

    public EnforcementResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(target, "target");
        checks = List.copyOf(checks);
    }

    /** One check: its name, what it measures, the verdict, a one-line summary and its evidence. */
    public record Check(
            String name, String measures, Verdict verdict, String summary, JsonNode evidence) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** A check's answer. */
    public enum Verdict {
        PASS("pass"),
        FAIL("fail"),
        QUANTIFIED("quantified"),
        NOT_CHECKED("not_checked");

        private final String wireName;

        Verdict(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Verdict parse(String text) {
            for (Verdict v : values()) {
                if (v.wireName.equals(text)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown verdict '" + text + "'");
        }
    }
}
