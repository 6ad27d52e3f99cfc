package io.tokenbench.mock.platformadmin;

/**
 * A client error in an admin request; becomes a 400 naming {@link #param()}. Never changes state.
 */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String param;

    BadRequestException(String param, String message) {
        super(message, null, false, false);
        this.param = param;
    }

    String param() {
        return param;
    }
}
