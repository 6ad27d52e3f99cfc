package io.tokenbench.options;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one picocli setup of every tokenbench command. Strict by default: an unknown option, a
 * repeated single-value option, or an option name where a value belongs ({@code --model --duration
 * 1s}) is an error that names the option and exits {@link ExitCode#COULD_NOT_RUN}; usage lines say
 * {@code ./tokenbench <command>}; durations use {@link DurationGrammar}.
 */
public final class Commands {
    /** The launcher every usage line names. */
    public static final String LAUNCHER = "./tokenbench";

    private Commands() {}

    /**
     * A command line for {@code command} (an {@code @Command}-annotated object) whose usage line
     * reads {@code ./tokenbench <launcherCommand>}, for instance {@code create(new RunCommand(),
     * "run")} or {@code create(new VerifyCommand(), "keys verify")}.
     */
    public static CommandLine create(Object command, String launcherCommand) {
        CommandLine line = new CommandLine(command);
        line.setCommandName(LAUNCHER + " " + launcherCommand);
        line.registerConverter(Duration.class, new DurationConverter());
        line.setOverwrittenOptionsAllowed(false);
        line.setUnmatchedArgumentsAllowed(false);
        line.setAllowOptionsAsOptionParameters(false);
        line.setAllowSubcommandsAsOptionParameters(false);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpWidth(100);
        line.setUsageHelpAutoWidth(false);
        line.getCommandSpec().exitCodeOnInvalidInput(ExitCode.COULD_NOT_RUN);
        line.getCommandSpec().exitCodeOnExecutionException(ExitCode.COULD_NOT_RUN);
        line.setParameterExceptionHandler(Commands::onBadOption);
        line.getCommandSpec().versionProvider(new TokenbenchVersion());
        return line;
    }

    /**
     * Runs {@code line} with {@code args}, printing to {@code out} and {@code err} in those
     * streams' own encoding, and returns the exit code: what every {@code main} does.
     */
    public static int run(CommandLine line, String[] args, PrintStream out, PrintStream err) {
        line.setOut(writer(out));
        line.setErr(writer(err));
        int exit = line.execute(args);
        line.getOut().flush();
        line.getErr().flush();
        return exit;
    }

    /** Parses {@code args} into {@code command}, runs it, and returns its exit code. */
    public static int execute(Object command, String launcherCommand, String... args) {
        return create(command, launcherCommand).execute(args);
    }

    /**
     * Rejects options that do not apply: when {@code applies} is false and any of {@code
     * optionNames} was given, throws a {@link ParameterException} (exit 2) naming the option and
     * {@code why}, such as {@code "--compare applies only to --scenario model-compare"}.
     */
    public static void rejectUnless(
            CommandSpec spec, boolean applies, String why, String... optionNames) {
        if (applies) {
            return;
        }
        List<String> given =
                Arrays.stream(optionNames)
                        .filter(name -> spec.commandLine().getParseResult().hasMatchedOption(name))
                        .collect(Collectors.toList());
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(", ", given) + " " + why);
        }
    }

    /** Whether the user gave {@code optionName} on the command line (as opposed to its default). */
    public static boolean given(CommandSpec spec, String optionName) {
        return spec.commandLine().getParseResult().hasMatchedOption(optionName);
    }

    private static int onBadOption(ParameterException parsed, String[] args) {
        ParameterException e = reworded(parsed);
        CommandLine line = e.getCommandLine();
        // qualified: a subcommand's own name is only "report"; its usage line says "./tokenbench
        // report"
        String name = line.getCommandSpec().qualifiedName();
        PrintWriter err = line.getErr();
        err.println(name + ": " + e.getMessage());
        err.println("Run '" + name + " --help' for the options.");
        err.flush();
        return ExitCode.COULD_NOT_RUN;
    }

    /**
     * Two of picocli's messages reworded: a missing value at the end reads {@code --port: needs a
     * value} (an option name where the value belongs keeps picocli's "Expected parameter for option
     * '--model' but found '--duration'"), and an unknown option names only the option, never the
     * arguments after it, which may be a secret ({@code --api-kye sk-...}) or an attached value
     * ({@code --token=sk-...}).
     */
    static ParameterException reworded(ParameterException e) {
        if (e instanceof MissingParameterException missing
                && String.valueOf(e.getMessage()).startsWith("Missing required parameter")
                && missing.getMissing().size() == 1
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return new ParameterException(
                    e.getCommandLine(), option.longestName() + ": needs a value", e, option, null);
        }
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> names =
                    unmatched.getUnmatched().stream()
                            .filter(a -> a.startsWith("-"))
                            .map(Commands::optionNameOnly)
                            .toList();
            String message =
                    switch (names.size()) {
                        case 0 ->
                                "Unexpected argument ("
                                        + unmatched.getUnmatched().size()
                                        + " in all); values follow their option, e.g. --rate 5/s";
                        case 1 -> "Unknown option: " + names.get(0);
                        default -> "Unknown options: " + String.join(", ", names);
                    };
            return new ParameterException(e.getCommandLine(), message);
        }
        return e;
    }

    /** {@code '--token'} for {@code --token=sk-...}: the name, quoted, never an attached value. */
    private static String optionNameOnly(String argument) {
        int eq = argument.indexOf('=');
        return "'" + (eq < 0 ? argument : argument.substring(0, eq)) + "'";
    }

    /** A writer onto {@code stream} that keeps the stream's own encoding. */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(
                new Writer() {
                    @Override
                    public void write(char[] chars, int offset, int length) {
                        stream.append(CharBuffer.wrap(chars, offset, length));
                    }

                    @Override
                    public void flush() {
                        stream.flush();
                    }

                    @Override
                    public void close() {
                        stream.flush();
                    }
                },
                true);
    }
}
