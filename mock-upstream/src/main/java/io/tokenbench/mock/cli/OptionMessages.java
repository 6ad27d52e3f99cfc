package io.tokenbench.mock.cli;

import java.util.List;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Rewords two of picocli's messages before the shared handler prints them: a missing value reads
 * "--port: needs a value", and an unknown option names only the option, never the arguments after
 * it, which may be a secret ({@code --api-kye sk-...}).
 */
final class OptionMessages {

    private OptionMessages() {}

    static ParameterException reworded(ParameterException e) {
        if (e instanceof MissingParameterException missing
                && missing.getMissing().size() == 1
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return new ParameterException(
                    e.getCommandLine(), option.longestName() + ": needs a value", e, option, null);
        }
        if (e instanceof UnmatchedArgumentException unmatched) {
            return new ParameterException(e.getCommandLine(), unknown(unmatched.getUnmatched()));
        }
        return e;
    }

    private static String unknown(List<String> unmatched) {
        for (String arg : unmatched) {
            if (arg.startsWith("-")) {
                int eq = arg.indexOf('=');
                return "Unknown option: '" + (eq < 0 ? arg : arg.substring(0, eq)) + "'";
            }
        }
        return "Unexpected argument (" + unmatched.size() + " in all); options start with --";
    }
}
