package io.tokenbench.simulations.keys.checks;

/**
 * A target refused an operation a check needs (a live gateway has no admin API): the check is
 * {@code not_checked} with {@link #getMessage()} as its reason. Thrown before any traffic of that
 * check.
 */
public final class NotCheckable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotCheckable(String reason) {
        super(reason, null, false, false);
    }
}
