package io.tokenbench.options;

/** The exit codes of every tokenbench command: one contract for CI scripts. */
public final class ExitCode {
    /** The command ran and every check passed. */
    public static final int PASS = 0;

    /**
     * The command ran and a check failed (a regression, a failed run verdict, a failed key check).
     */
    public static final int FAILED = 1;

    /** The command could not run: a bad option, an unreachable target, unreadable input. */
    public static final int COULD_NOT_RUN = 2;

    private ExitCode() {}
}
