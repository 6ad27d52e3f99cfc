package io.tokenbench.mock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Refuses a single-value option given twice. picocli does so for a command's own options ({@link
 * CommandLine#setOverwrittenOptionsAllowed}) but not inside the argument groups that give the
 * mock's help its sections, so this checks every option once the parse is done.
 */
final class SingleUse {

    private SingleUse() {}

    /**
     * @throws ParameterException naming the first single-value option given more than once
     */
    static void check(CommandLine line) {
        for (OptionSpec option : line.getCommandSpec().options()) {
            if (!option.isMultiValue() && option.originalStringValues().size() > 1) {
                throw new ParameterException(
                        line,
                        option.longestName()
                                + ": given "
                                + option.originalStringValues().size()
                                + " times; give it once");
            }
        }
    }
}
