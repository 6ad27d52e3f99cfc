package io.tokenbench.simulations.keys.http;

import io.tokenbench.options.HeaderOptions;
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
        return HeaderOptions.resolveWithoutLanes(literal, fromEnv, env, "keys verify");
    }
}
