package io.tokenbench.reports.cli;

/** A bad command line; the message names the option. Exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
