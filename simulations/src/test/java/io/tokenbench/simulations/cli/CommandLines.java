package io.tokenbench.simulations.cli;

import io.tokenbench.simulations.config.RunParameters;
import java.util.Map;

/**
 * Test helper: the {@link RunParameters} of a command line ({@code run} unless the first argument
 * is {@code sweep} or {@code calibrate}), parsed exactly as {@code ./tokenbench} parses it; a bad
 * option throws picocli's {@code ParameterException} naming the option.
 */
public final class CommandLines {
    private CommandLines() {}

    public static RunParameters parse(String... args) {
        return TokenbenchRun.parameters(Map.of(), Map.of(), args);
    }

    /** With {@code properties} as the system properties and {@code env} as the environment. */
    public static RunParameters parse(
            Map<String, String> properties, Map<String, String> env, String... args) {
        return TokenbenchRun.parameters(properties, env, args);
    }
}
