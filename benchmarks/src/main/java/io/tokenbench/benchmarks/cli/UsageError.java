package io.tokenbench.benchmarks.cli;

/** A bad command line: the message names the option; the command exits 2. */
final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
