package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.Quantity;
import io.tokenbench.reports.model.RunSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a rules file: one rule per line, {@code #} starts a comment line, blank lines are ignored.
 *
 * <pre>
 * ttft_sched.p99 &lt;= 800ms
 * outcome.http_5xx.rate &lt;= 0.5%
 * ttft_sched.p99 &lt;= baseline + 10%     "queueing in the gateway? compare ttft and ttft_sched"
 * throughput.completed_rps &gt;= baseline - 5%
 * tpot.p50 &lt;= baseline * 1.2
 * </pre>
 *
 * Every bad line is reported (not only the first), each naming its line.
 */
public final class RuleParser {

    private static final Pattern RULE =
            Pattern.compile("^\\s*(\\S+)\\s*(<=|>=|<|>)\\s*(.+?)\\s*(\"([^\"]*)\")?\\s*$");
    private static final Pattern RELATIVE =
            Pattern.compile(
                    "^baseline(?:\\s*([+*-])\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-z%]*))?$");
    private static final Pattern ABSOLUTE =
            Pattern.compile("^(-?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-z%]*)$");

    private RuleParser() {}

    /**
     * @param summaries the runs the rules will be evaluated on, to resolve metric names and units
     * @throws IllegalArgumentException listing every bad line
     */
    public static List<Rule> parse(List<String> lines, Collection<RunSummary> summaries) {
        List<Rule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(parseRule(line, i + 1, summaries));
            } catch (IllegalArgumentException e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", errors));
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("no rules found");
        }
        return rules;
    }

    static Rule parseRule(String line, int lineNo, Collection<RunSummary> summaries) {
        Matcher m = RULE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "cannot parse '" + line + "': expected <metric> <op> <value>");
        }
        Quantity q = Quantity.parse(m.group(1), summaries);
        Rule.Op op =
                switch (m.group(2)) {
                    case "<=" -> Rule.Op.LE;
                    case "<" -> Rule.Op.LT;
                    case ">=" -> Rule.Op.GE;
                    default -> Rule.Op.GT;
                };
        String rhs = m.group(3).strip();
        Rule.Threshold threshold = rhs.startsWith("baseline") ? relative(rhs, q) : absolute(rhs, q);
        String text = m.group(1) + " " + m.group(2) + " " + rhs;
        return new Rule(text, lineNo, q, op, threshold, Optional.ofNullable(m.group(5)));
    }

    private static Rule.Threshold relative(String rhs, Quantity q) {
        Matcher m = RELATIVE.matcher(rhs);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "cannot parse '"
                            + rhs
                            + "': write baseline, baseline + 10%,"
                            + " baseline - 5ms or baseline * 1.2");
        }
        if (m.group(1) == null) {
            return new Rule.Relative(Rule.Relative.Kind.OFFSET, 0);
        }
        double amount = Double.parseDouble(m.group(2));
        String unit = m.group(3);
        return switch (m.group(1)) {
            case "*" -> {
                if (!unit.isEmpty()) {
                    throw new IllegalArgumentException("a factor has no unit: '" + rhs + "'");
                }
                yield new Rule.Relative(Rule.Relative.Kind.FACTOR, amount);
            }
            case "-" ->
                    unit.equals("%")
                            ? new Rule.Relative(Rule.Relative.Kind.PERCENT, -amount)
                            : new Rule.Relative(
                                    Rule.Relative.Kind.OFFSET, -value(amount, unit, q, rhs));
            default ->
                    unit.equals("%")
                            ? new Rule.Relative(Rule.Relative.Kind.PERCENT, amount)
                            : new Rule.Relative(
                                    Rule.Relative.Kind.OFFSET, value(amount, unit, q, rhs));
        };
    }

    private static Rule.Threshold absolute(String rhs, Quantity q) {
        Matcher m = ABSOLUTE.matcher(rhs);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "cannot parse value '"
                            + rhs
                            + "': write a number with an optional"
                            + " unit (800ms, 1.5s, 0.5%) or a baseline expression");
        }
        return new Rule.Absolute(value(Double.parseDouble(m.group(1)), m.group(2), q, rhs));
    }

    /** A number with its unit suffix, converted to the quantity's unit. */
    private static double value(double number, String suffix, Quantity q, String rhs) {
        if (suffix.isEmpty()) {
            return number;
        }
        if (suffix.equals("%")) {
            if (!q.isFraction()) {
                throw new IllegalArgumentException(
                        "'%' only applies to rates such as outcome.http_5xx.rate,"
                                + " or to baseline + x%: '"
                                + rhs
                                + "'");
            }
            return number / 100.0;
        }
        if (!q.unit().equals("ms")) {
            throw new IllegalArgumentException(
                    "unit '"
                            + suffix
                            + "' does not apply to "
                            + q.name()
                            + " ("
                            + q.unit()
                            + "): '"
                            + rhs
                            + "'");
        }
        return switch (suffix) {
            case "ns" -> number / 1e6;
            case "us" -> number / 1e3;
            case "ms" -> number;
            case "s" -> number * 1e3;
            default ->
                    throw new IllegalArgumentException(
                            "unknown unit '" + suffix + "' (ns, us, ms, s, %)");
        };
    }
}
