package io.tokenbench.mock.openai;

/** Carries an {@link ApiError} out of request parsing; the HTTP layer writes it as the response. */
public final class ApiErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ApiError error;

    public ApiErrorException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
