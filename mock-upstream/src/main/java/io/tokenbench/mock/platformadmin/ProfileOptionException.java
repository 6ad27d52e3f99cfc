package io.tokenbench.mock.platformadmin;

/**
 * A bad enforcement setting of {@code PUT /admin/enforcement}; the message starts with its name.
 */
public final class ProfileOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;

    public ProfileOptionException(String option, String problem) {
        super(option + ": " + problem);
        this.option = option;
    }

    /** The setting's JSON name, such as {@code error_style}. */
    public String option() {
        return option;
    }
}
