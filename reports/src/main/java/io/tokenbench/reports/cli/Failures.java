package io.tokenbench.reports.cli;

import io.tokenbench.options.ExitCode;
import io.tokenbench.reports.ingest.BadInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a command that could not run prints: unusable input (the message names the file and line),
 * an I/O failure, or an internal error to report. Every one exits {@link ExitCode#COULD_NOT_RUN},
 * never 1, which {@code gate} reserves for a regression.
 */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        String command = line.getCommandSpec().qualifiedName();
        PrintWriter err = line.getErr();
        if (e instanceof BadInputException) {
            err.println(command + ": " + e.getMessage());
        } else if (e instanceof UncheckedIOException io) {
            err.println(command + ": " + io.getMessage() + ": " + io.getCause().getMessage());
        } else {
            err.println(command + ": internal error (" + e + "); please report it with the input");
        }
        err.flush();
        return ExitCode.COULD_NOT_RUN;
    }
}
