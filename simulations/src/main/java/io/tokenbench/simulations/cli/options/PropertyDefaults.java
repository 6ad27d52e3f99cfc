package io.tokenbench.simulations.cli.options;

import io.tokenbench.simulations.config.InjectorShare;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option not given on the command line takes its value from, before its own default: the
 * system property named like the option without dashes ({@code -Drate=5} for {@code --rate}), then,
 * for the injector options, the environment of a Kubernetes Indexed Job ({@value
 * InjectorShare#INDEX_ENV}, {@value InjectorShare#COUNT_ENV}). Values from here are converted and
 * checked like command-line values (a bad one exits 2 naming the option); they are defaults, so an
 * option that does not apply to the chosen scenario is rejected only when given on the command
 * line.
 */
public final class PropertyDefaults implements IDefaultValueProvider {
    private static final Map<String, String> ENVIRONMENT =
            Map.of(
                    "--injector-index", InjectorShare.INDEX_ENV,
                    "--injector-count", InjectorShare.COUNT_ENV);

    private final UnaryOperator<String> properties;
    private final Map<String, String> env;

    /** The JVM's system properties and the process environment. */
    public PropertyDefaults() {
        this(System::getProperty, System.getenv());
    }

    public PropertyDefaults(UnaryOperator<String> properties, Map<String, String> env) {
        this.properties = properties;
        this.env = Map.copyOf(env);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)
                || option.usageHelp()
                || option.versionHelp()
                || !option.longestName().startsWith("--")) {
            return null;
        }
        String fromProperty = properties.apply(option.longestName().substring(2));
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty.strip();
        }
        String variable = ENVIRONMENT.get(option.longestName());
        String fromEnv = variable == null ? null : env.get(variable);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }
}
