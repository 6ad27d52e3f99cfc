package io.tokenbench.simulations.config;

/**
 * A bad parameter value. The message always starts with the parameter's name, so the command line
 * can print it as is and exit 2.
 */
public final class ParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    public ParameterException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    /** The parameter's name, as written on the command line without dashes (also its -D name). */
    public String parameter() {
        return parameter;
    }
}
