package io.tokenbench.mock.cli;

/** A bad command line: names the option and what is wrong with it. Exit code 2. */
final class OptionError extends Exception {
    private static final long serialVersionUID = 1L;

    OptionError(String option, String problem) {
        super(option + ": " + problem, null, false, false);
    }
}
