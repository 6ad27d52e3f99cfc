package io.tokenbench.simulations.metrics;

import io.tokenbench.options.Commands;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * Takes the {@link MetricsOptions} out of an argument list that another parser reads, with picocli
 * (for the load commands whose options are not picocli commands yet). Once a command declares
 * {@code @Mixin MetricsOptions}, it no longer needs this.
 */
@Command(name = "metrics")
public final class MetricsArguments {

    @Mixin MetricsOptions options;

    @Unmatched List<String> rest = new ArrayList<>();

    private MetricsArguments() {}

    /**
     * Parses the metrics options out of {@code args}; the rest stays in order.
     *
     * @throws CommandLine.ParameterException for a repeated option or one without its value
     */
    public static MetricsArguments parse(List<String> args, String launcherCommand) {
        MetricsArguments parsed = new MetricsArguments();
        CommandLine line = Commands.create(parsed, launcherCommand);
        line.setUnmatchedArgumentsAllowed(true);
        line.parseArgs(args.toArray(String[]::new));
        return parsed;
    }

    public MetricsOptions options() {
        return options;
    }

    /** The arguments that are not metrics options, in their order. */
    public List<String> rest() {
        return List.copyOf(rest);
    }
}
