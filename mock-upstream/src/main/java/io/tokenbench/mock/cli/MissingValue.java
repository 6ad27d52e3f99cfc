package io.tokenbench.mock.cli;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** Rewords picocli's "Missing required parameter for option" as "--port: needs a value". */
final class MissingValue {

    private MissingValue() {}

    static ParameterException reworded(ParameterException e) {
        if (!(e instanceof MissingParameterException missing)
                || missing.getMissing().size() != 1
                || !(missing.getMissing().get(0) instanceof OptionSpec option)) {
            return e;
        }
        ArgSpec arg = option;
        return new ParameterException(
                e.getCommandLine(), option.longestName() + ": needs a value", e, arg, null);
    }
}
