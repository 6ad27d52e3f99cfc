package io.tokenbench.simulations.cli;

import io.tokenbench.options.DurationGrammar;
import io.tokenbench.simulations.config.RunParameters;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A load command ({@link RunCommand}, {@link SweepCommand}, {@link CalibrateCommand}): its options
 * become one {@link RunParameters}, then it runs.
 */
interface LoadCommand extends Callable<Integer> {
    /** The help footer every load command shares. */
    String FOOTER =
            "%nDurations: "
                    + DurationGrammar.EXAMPLES
                    + "; a bare number is rejected. An option not given may come from the system"
                    + " property of its name (-Drate=5); the command line wins. A bad value exits 2"
                    + " naming the option. API keys are read from the environment only, never from"
                    + " an option.";

    /**
     * The validated parameters of the parsed options.
     *
     * @throws ParameterException naming the option when a value or a combination is invalid
     */
    RunParameters parameters();

    /**
     * Runs {@code step}, turning an {@link IllegalArgumentException} (whose message names the
     * option, by the configuration's convention) into picocli's exit-2 error.
     */
    static <T> T asOptionError(CommandSpec spec, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
