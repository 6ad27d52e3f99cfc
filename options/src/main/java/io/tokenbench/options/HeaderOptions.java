package io.tokenbench.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The values of {@code --header 'Name: value'} and {@code --header-env 'Name=ENV_VAR'}, as every
 * command that sends requests takes them: parsed into {@link HeaderSpec}s (the literal headers
 * first, then those from the environment, each in command-line order). Errors start with the
 * option's name and never hold a value read from the environment.
 */
public final class HeaderOptions {
    public static final String LITERAL = "--header";
    public static final String FROM_ENV = "--header-env";

    private HeaderOptions() {}

    /**
     * Every header, lane prefixes kept.
     *
     * @throws IllegalArgumentException starting with the option's name
     */
    public static List<HeaderSpec> parse(
            List<String> literal, List<String> fromEnv, Map<String, String> env) {
        List<HeaderSpec> specs = new ArrayList<>();
        for (String h : literal) {
            specs.add(named(LITERAL, () -> HeaderSpec.parseLiteral(h)));
        }
        for (String h : fromEnv) {
            specs.add(named(FROM_ENV, () -> HeaderSpec.parseFromEnv(h, env)));
        }
        return specs;
    }

    /**
     * Name to value for a command without lanes: a {@code LANE@} prefix is an error naming {@code
     * command}; a later header of the same name (case-insensitive) replaces an earlier one.
     *
     * @throws IllegalArgumentException starting with the option's name
     */
    public static Map<String, String> resolveWithoutLanes(
            List<String> literal, List<String> fromEnv, Map<String, String> env, String command) {
        Map<String, String> out = new LinkedHashMap<>();
        for (HeaderSpec s : parse(literal, fromEnv, env)) {
            if (s.lane().isPresent()) {
                throw new IllegalArgumentException(
                        optionOf(s)
                                + ": "
                                + command
                                + " has no lanes; drop the prefix '"
                                + s.lane().get()
                                + "@'");
            }
            out.keySet().removeIf(k -> k.equalsIgnoreCase(s.name()));
            out.put(s.name(), s.value().text());
        }
        return out;
    }

    /** The option a header came from. */
    public static String optionOf(HeaderSpec spec) {
        return spec.value().isSecret() ? FROM_ENV : LITERAL;
    }

    private static HeaderSpec named(String option, Supplier<HeaderSpec> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
