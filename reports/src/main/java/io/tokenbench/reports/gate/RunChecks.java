package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a run's verdict is made of: the defaults ({@code error_rate <= 1%}, {@code
 * requests.successful >= 1}) and the user's rules ({@code --check}, the gate rule language). A user
 * rule on the same figure as a default (same left-hand side, e.g. {@code error_rate <= 5%})
 * replaces that default; any other user rule is added. The validity check ("the run is not
 * invalid") always applies and cannot be replaced: an incomplete or saturated run is never a pass.
 *
 * @param userRules the user's rules, in the order given
 */
public record RunChecks(List<Rule> userRules) {

    /** Default maximum error rate: 1 %. */
    public static final double DEFAULT_MAX_ERROR_RATE = 0.01;

    /** No user rules: the defaults only. */
    public static final RunChecks DEFAULTS = new RunChecks(List.of());

    public RunChecks {
        userRules = List.copyOf(userRules);
    }

    /**
     * Parses {@code --check} values (one rule each, the gate rule language). Relative rules ({@code
     * baseline + 10%}) are accepted by the language but cannot be evaluated without a baseline, so
     * they are refused here.
     *
     * @throws IllegalArgumentException naming every bad check (as "check N 'text': why")
     */
    public static RunChecks parse(List<String> checks) {
        List<Rule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            String text = checks.get(i).strip();
            try {
                Rule r = RuleParser.parseRule(text, i + 1, List.of());
                if (r.threshold().needsBaseline()) {
                    throw new IllegalArgumentException(
                            "a run check needs an absolute limit (800ms, 1%); baseline rules"
                                    + " belong to 'gate --baseline'");
                }
                rules.add(r);
            } catch (IllegalArgumentException e) {
                errors.add("check " + (i + 1) + " '" + text + "': " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", errors));
        }
        return new RunChecks(rules);
    }

    /** The built-in rules, before replacement. */
    public static List<Rule> defaults() {
        return List.of(
                new Rule(
                        "error_rate <= 1%",
                        0,
                        figure("error_rate"),
                        Rule.Op.LE,
                        new Rule.Absolute(DEFAULT_MAX_ERROR_RATE),
                        Optional.empty()),
                new Rule(
                        "requests.successful >= 1",
                        0,
                        Quantity.SUCCESSFUL_REQUESTS,
                        Rule.Op.GE,
                        new Rule.Absolute(1),
                        Optional.of("no request succeeded: see the top errors and errors.jsonl")));
    }

    /** Defaults not replaced by a user rule on the same figure, then the user's rules. */
    public List<Rule> effectiveRules() {
        Set<String> named = new LinkedHashSet<>();
        userRules.forEach(r -> named.add(r.quantity().name()));
        List<Rule> out = new ArrayList<>();
        for (Rule d : defaults()) {
            if (!named.contains(d.quantity().name())) {
                out.add(d);
            }
        }
        out.addAll(userRules);
        return out;
    }

    /** True when the rule came from the user (line > 0), false for a default. */
    static boolean isUser(Rule r) {
        return r.line() > 0;
    }

    private static Quantity figure(String name) {
        return Quantity.RUN_FIGURES.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
