package io.tokenbench.reports.cli;

import io.tokenbench.options.Commands;
import io.tokenbench.options.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The reports commands, {@code report}, {@code merge}, {@code compare} and {@code gate}, as
 * subcommands of one picocli command (also what shell completion reads). {@link #commandLine()}
 * builds it with the shared option layer, so usage lines read {@code ./tokenbench report ...}.
 * Without a command it prints the usage to stderr and exits 2.
 */
@Command(
        name = Commands.LAUNCHER,
        mixinStandardHelpOptions = true,
        description = "Reports, merges, comparisons and CI gates over tokenbench run folders.",
        subcommands = {
            ReportCommand.class,
            MergeCommand.class,
            CompareCommand.class,
            GateCommand.class,
            HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 ok / pass, 1 gate regression, 2 bad usage or unusable input.",
            "Every command takes --help. See reports/README.md."
        })
public final class ReportsCommands implements Callable<Integer> {

    @Spec CommandSpec spec;

    // Takes a word that is no command, so the error can say so (picocli would call it unmatched).
    @Parameters(arity = "0..1", hidden = true)
    String unknownCommand;

    /** For picocli and for shell completion. */
    public ReportsCommands() {}

    /** The strict command line of every reports command (see {@link Commands#create}). */
    public static CommandLine commandLine() {
        CommandLine line = Commands.create(new ReportsCommands(), "");
        line.setCommandName(Commands.LAUNCHER);
        line.getHelpSectionMap()
                .put(
                        CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                        new CommandList());
        line.setExecutionExceptionHandler(new Failures());
        return line;
    }

    @Override
    public Integer call() {
        if (unknownCommand != null) {
            throw new ParameterException(
                    spec.commandLine(), "unknown command '" + unknownCommand + "'");
        }
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.COULD_NOT_RUN;
    }
}
