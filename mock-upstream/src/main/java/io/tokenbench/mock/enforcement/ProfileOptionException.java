package io.tokenbench.mock.enforcement;

/** A bad enforcement setting; the message starts with the option's name. */
public final class ProfileOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;

    public ProfileOptionException(String option, String problem) {
        super(option + ": " + problem);
        this.option = option;
    }

    /** The option as the caller spelled it ({@code --error-style} or {@code error_style}). */
    public String option() {
        return option;
    }
}
