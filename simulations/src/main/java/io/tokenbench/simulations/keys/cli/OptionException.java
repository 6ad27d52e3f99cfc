package io.tokenbench.simulations.keys.cli;

/** A bad command-line option: the message names it; the main exits 2. */
public final class OptionException extends RuntimeException {
    private final String option;

    public OptionException(String option, String message) {
        super(option + ": " + message);
        this.option = option;
    }

    public String option() {
        return option;
    }
}
