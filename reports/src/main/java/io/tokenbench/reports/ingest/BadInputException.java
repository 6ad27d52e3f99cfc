package io.tokenbench.reports.ingest;

/**
 * Input that cannot be used: a corrupt or truncated log, an empty run, an unknown schema version.
 * The message names the file (and line) and is fit to print; commands exit 2 on it.
 */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
