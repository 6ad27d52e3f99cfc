package io.tokenbench.simulations.cli;

import io.tokenbench.simulations.cli.options.CommonOptions;
import io.tokenbench.simulations.cli.options.Converters;
import io.tokenbench.simulations.cli.options.PropertyDefaults;
import io.tokenbench.simulations.cli.options.ScenarioSettings;
import io.tokenbench.simulations.cli.options.TargetOptions;
import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.ScenarioKind;
import io.tokenbench.simulations.metrics.MetricsExposition;
import io.tokenbench.simulations.metrics.MetricsOptions;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./tokenbench sweep}: the capacity sweep ({@link Sweep}). Its load is its rate steps, so it
 * has no {@code --rate}, {@code --concurrency}, {@code --duration}, scenario or injector options.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        defaultValueProvider = PropertyDefaults.class,
        description = {
            "Capacity sweep: one Poisson run per rate level (--load) until an SLO breaks or the"
                    + " target or the load generator saturates; prints the latency-vs-load curve,"
                    + " the max sustainable rate, knee and headroom, and writes sweep.html,"
                    + " sweep.json and sweep.md. Runs on one injector.",
            ""
        },
        footer = LoadCommand.FOOTER)
public final class SweepCommand implements LoadCommand {
    @Spec private CommandSpec spec;

    @Mixin private MetricsOptions metrics;

    @Option(
            names = "--load",
            paramLabel = "STEPS",
            defaultValue = "steps(5/s,+5/s,x8,15s)",
            converter = Converters.Load.class,
            description =
                    "steps(S/s,+I/s,xN,D): N Poisson levels of D each, from S/s up by I/s;"
                            + " steps(concurrency U,+I,xN,D): N closed levels from U users up by I;"
                            + " each level starts with --warmup of warm-up (D/4 when --warmup is D/2"
                            + " or more); one warm-up run before the first level is not reported")
    private LoadModel load;

    @Mixin private TargetOptions target;
    @Mixin private CommonOptions common;

    private final Map<String, String> env;
    private final PrintStream out;

    /** For picocli and shell completion: the process environment and standard output. */
    public SweepCommand() {
        this(System.getenv(), System.out);
    }

    SweepCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    @Override
    public RunParameters parameters() {
        String injectors = env.get(InjectorShare.COUNT_ENV);
        if (injectors != null && !injectors.isBlank() && !injectors.strip().equals("1")) {
            // an Indexed Job of sweeps would run the whole sweep in every pod
            throw new ParameterException(
                    spec.commandLine(),
                    "$"
                            + InjectorShare.COUNT_ENV
                            + "="
                            + injectors.strip()
                            + ": the sweep runs on one injector (split a run, not a sweep)");
        }
        common.rejectInapplicable(ScenarioKind.SWEEP);
        if (!(load instanceof LoadModel.Stepped steps)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--load: the sweep needs steps(S/s,+I/s,xN,D) or steps(concurrency U,+I,xN,D),"
                            + " got "
                            + load.describe());
        }
        return LoadCommand.asOptionError(
                spec,
                () ->
                        common.parameters(
                                ScenarioKind.SWEEP,
                                target.baseUrl(),
                                steps,
                                steps.stepDuration(), // each level's window (Recipes.sweepLevel)
                                InjectorShare.SINGLE,
                                ScenarioSettings.none(),
                                env));
    }

    @Override
    // the exposition serves while the run lasts; nothing in the block reads it
    @SuppressWarnings("try")
    public Integer call() {
        RunParameters params = parameters();
        try (MetricsExposition exposition = metrics.start(out)) {
            return LoadCommand.asOptionError(spec, () -> Sweep.execute(params, env, out));
        }
    }
}
