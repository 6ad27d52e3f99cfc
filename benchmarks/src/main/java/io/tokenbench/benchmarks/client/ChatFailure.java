package io.tokenbench.benchmarks.client;

/**
 * A chat call that did not succeed: a non-200 status, an error event, a stream cut before {@code
 * [DONE]}, a connection failure. The message names what happened and never holds the API key.
 */
public final class ChatFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChatFailure(String message) {
        super(message);
    }

    public ChatFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** A non-200 answer; at most the first 200 characters of the body are kept. */
    public static ChatFailure status(int status, String body) {
        String shown = body.length() <= 200 ? body : body.substring(0, 200) + "...";
        return new ChatFailure("HTTP " + status + ": " + shown);
    }
}
