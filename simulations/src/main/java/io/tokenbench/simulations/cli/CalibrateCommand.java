package io.tokenbench.simulations.cli;

import io.tokenbench.simulations.cli.options.CommonOptions;
import io.tokenbench.simulations.cli.options.Converters;
import io.tokenbench.simulations.cli.options.InjectorOptions;
import io.tokenbench.simulations.cli.options.LoadShapeOptions;
import io.tokenbench.simulations.cli.options.PropertyDefaults;
import io.tokenbench.simulations.cli.options.ScenarioSettings;
import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.ScenarioKind;
import io.tokenbench.simulations.metrics.MetricsExposition;
import io.tokenbench.simulations.metrics.MetricsOptions;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./tokenbench calibrate}: the run's load shape against a mock process with no delays, so
 * what is measured is the harness, the loopback and the mock. No {@code --base-url}.
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        defaultValueProvider = PropertyDefaults.class,
        description = {
            "The same load shape against a mock with no delays (a separate process started with"
                    + " --ttft 0ms --itl 0ms): what the harness, the loopback and the mock add, per"
                    + " percentile.",
            ""
        },
        footer = LoadCommand.FOOTER)
public final class CalibrateCommand implements LoadCommand {
    @Spec private CommandSpec spec;

    @Mixin private MetricsOptions metrics;

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            defaultValue = "streaming",
            converter = Converters.Scenario.class,
            completionCandidates = Scenarios.class,
            description = "streaming | non-streaming")
    private ScenarioKind scenario;

    @Mixin private LoadShapeOptions load;
    @Mixin private CommonOptions common;
    @Mixin private InjectorOptions injectors;

    private final Map<String, String> env;
    private final PrintStream out;

    /** For picocli and shell completion: the process environment and standard output. */
    public CalibrateCommand() {
        this(System.getenv(), System.out);
    }

    CalibrateCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    @Override
    public RunParameters parameters() {
        if (scenario != ScenarioKind.STREAMING && scenario != ScenarioKind.NON_STREAMING) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--scenario: calibrate measures streaming or non-streaming only, got "
                            + scenario.key());
        }
        common.rejectInapplicable(scenario);
        return LoadCommand.asOptionError(
                spec,
                () -> {
                    InjectorShare share = injectors.share();
                    ScenarioSettings none = ScenarioSettings.none();
                    return common.parameters(
                            scenario,
                            Optional.empty(),
                            load.load(scenario, none.mix(), share),
                            load.duration(scenario),
                            share,
                            none,
                            env);
                });
    }

    @Override
    // the exposition serves while the run lasts; nothing in the block reads it
    @SuppressWarnings("try")
    public Integer call() {
        RunParameters params = parameters();
        try (MetricsExposition exposition = metrics.start(out)) {
            return LoadCommand.asOptionError(
                    spec,
                    () ->
                            TokenbenchRun.runOnce(
                                    params, env, MockArgs.ZERO_LATENCY, "calibrate", out));
        }
    }

    /** The scenarios calibrate offers, for shell completion. */
    public static final class Scenarios implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(ScenarioKind.STREAMING.key(), ScenarioKind.NON_STREAMING.key())
                    .iterator();
        }
    }
}
