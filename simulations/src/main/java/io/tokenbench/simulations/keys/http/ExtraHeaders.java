package io.tokenbench.simulations.keys.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's extra headers for {@code keys verify} ({@code --header 'Name: value'}, {@code
 * --header-env 'Name=ENV_VAR'}), resolved against the environment. Errors name the option and the
 * variable, never a value.
 */
public final class ExtraHeaders {
    private ExtraHeaders() {}

    /**
     * Name to value, in order; a later header of the same name replaces an earlier one.
     *
     * @throws IllegalArgumentException naming the option on a malformed header or unset variable
     */
    public static Map<String, String> resolve(
            List<String> literal, List<String> fromEnv, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : literal) {
            int colon = h.indexOf(':');
            String name = colon < 1 ? "" : h.substring(0, colon).strip();
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("--header: '" + h + "' is not 'Name: value'");
            }
            out.put(name, safe(h.substring(colon + 1).strip(), "--header: " + name));
        }
        for (String h : fromEnv) {
            int eq = h.indexOf('=');
            String name = eq < 1 ? "" : h.substring(0, eq).strip();
            String variable = eq < 1 ? "" : h.substring(eq + 1).strip();
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")
                    || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(
                        "--header-env: '" + h + "' is not 'Name=ENV_VAR'");
            }
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(
                        "--header-env: environment variable " + variable + " is not set");
            }
            out.put(name, safe(value.strip(), "--header-env: the variable " + variable));
        }
        return out;
    }

    private static String safe(String value, String what) {
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException(what + " contains a line break");
        }
        return value;
    }
}
