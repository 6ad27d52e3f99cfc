package io.tokenbench.mock.server;

/** Extracts the token of an {@code Authorization: Bearer <token>} header. */
final class Bearer {

    private static final String PREFIX = "bearer ";

    private Bearer() {}

    /** The token, or null when the header is missing, not Bearer, or empty. */
    static String token(String authorization) {
        if (authorization == null
                || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String token = authorization.substring(PREFIX.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
