package io.tokenbench.options;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports unknown options by name only. picocli's own message lists every unmatched argument, so
 * {@code --api-key sk-live-...} (an option that does not exist, followed by a secret) would print
 * the secret; here the error names {@code --api-key} and leaves values and stray words out.
 */
public final class UnknownOptions {
    private UnknownOptions() {}

    /** Makes {@code line} (from {@link Commands#create}) report unknown options by name only. */
    public static CommandLine namesOnly(CommandLine line) {
        IParameterExceptionHandler handler = line.getParameterExceptionHandler();
        line.setParameterExceptionHandler(
                (e, args) ->
                        handler.handleParseException(
                                e instanceof UnmatchedArgumentException u ? namesOnly(u) : e,
                                args));
        return line;
    }

    private static ParameterException namesOnly(UnmatchedArgumentException e) {
        List<String> names =
                e.getUnmatched().stream()
                        .filter(a -> a.startsWith("-"))
                        .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                        .toList();
        String message =
                names.isEmpty()
                        ? "unexpected argument (values follow their option, e.g. --rate 5)"
                        : "unknown option " + String.join(", ", names);
        return new ParameterException(e.getCommandLine(), message);
    }
}
