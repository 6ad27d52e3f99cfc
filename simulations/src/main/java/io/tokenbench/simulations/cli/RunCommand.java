package io.tokenbench.simulations.cli;

import io.tokenbench.simulations.cli.options.CommonOptions;
import io.tokenbench.simulations.cli.options.Converters;
import io.tokenbench.simulations.cli.options.InjectorOptions;
import io.tokenbench.simulations.cli.options.LoadShapeOptions;
import io.tokenbench.simulations.cli.options.PropertyDefaults;
import io.tokenbench.simulations.cli.options.ScenarioOptions;
import io.tokenbench.simulations.cli.options.ScenarioSettings;
import io.tokenbench.simulations.cli.options.TargetOptions;
import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.ScenarioKind;
import io.tokenbench.simulations.metrics.MetricsExposition;
import io.tokenbench.simulations.metrics.MetricsOptions;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./tokenbench run}: one load test of any scenario but the sweep. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        defaultValueProvider = PropertyDefaults.class,
        description = {
            "A load test (default: 60 s of Poisson streaming chat, 10/s, against the embedded mock,"
                    + " started as a separate process). With --base-url it targets that URL; the"
                    + " key comes from the variable named by --api-key-env.",
            ""
        },
        footer = LoadCommand.FOOTER)
public final class RunCommand implements LoadCommand {
    @Spec private CommandSpec spec;

    @Mixin private MetricsOptions metrics;

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            defaultValue = "streaming",
            converter = Converters.Scenario.class,
            completionCandidates = Scenarios.class,
            description =
                    "streaming | non-streaming | soak | spike | gateway-overhead | model-compare |"
                            + " mixed (the sweep is ./tokenbench sweep)")
    private ScenarioKind scenario;

    @Mixin private TargetOptions target;
    @Mixin private LoadShapeOptions load;
    @Mixin private CommonOptions common;
    @Mixin private InjectorOptions injectors;
    @Mixin private ScenarioOptions scenarioOptions;

    private final Map<String, String> env;
    private final PrintStream out;

    /** For picocli and shell completion: the process environment and standard output. */
    public RunCommand() {
        this(System.getenv(), System.out);
    }

    RunCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    @Override
    public RunParameters parameters() {
        if (scenario == ScenarioKind.SWEEP) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--scenario: use ./tokenbench sweep for the capacity sweep");
        }
        scenarioOptions.rejectInapplicable(scenario);
        common.rejectInapplicable(scenario);
        return LoadCommand.asOptionError(
                spec,
                () -> {
                    InjectorShare share = injectors.share();
                    ScenarioSettings settings = scenarioOptions.settings(scenario);
                    return common.parameters(
                            scenario,
                            target.baseUrl(),
                            load.load(scenario, settings.mix(), share),
                            load.duration(scenario),
                            share,
                            settings,
                            env);
                });
    }

    @Override
    // the exposition serves while the run lasts; nothing in the block reads it
    @SuppressWarnings("try")
    public Integer call() {
        RunParameters params = parameters();
        List<String> mockArgs =
                params.scenario() == ScenarioKind.MIXED ? MockArgs.MIXED : List.of();
        try (MetricsExposition exposition = metrics.start(out)) {
            return LoadCommand.asOptionError(
                    spec, () -> TokenbenchRun.runOnce(params, env, mockArgs, null, out));
        }
    }

    /** The scenarios {@code run} offers, for shell completion. */
    public static final class Scenarios implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(ScenarioKind.values())
                    .filter(k -> k != ScenarioKind.SWEEP)
                    .map(ScenarioKind::key)
                    .iterator();
        }
    }
}
