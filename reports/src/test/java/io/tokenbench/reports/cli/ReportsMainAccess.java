package io.tokenbench.reports.cli;

/** Lets tests of other packages run the CLI in-process. */
public final class ReportsMainAccess {

    private ReportsMainAccess() {}

    /** Exit code and captured output. */
    public record Result(int exit, String out, String err) {}

    public static Result run(String... args) {
        CliResult r = CliResult.run(args);
        return new Result(r.exit(), r.out(), r.err());
    }
}
