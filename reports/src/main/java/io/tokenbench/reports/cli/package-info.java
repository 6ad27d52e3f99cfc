/**
 * The command line, on the shared option layer ({@code io.tokenbench.options}): {@link
 * io.tokenbench.reports.cli.ReportsCommands} holds {@code report}, {@code merge}, {@code compare}
 * and {@code gate} as picocli subcommands; each parses its arguments into fields (and an options
 * record where there is something to validate), runs, and maps failures to exit codes (0 ok, 1 gate
 * regression, 2 bad usage or input; {@link io.tokenbench.reports.cli.Failures}). No logic beyond
 * that lives here, and no other package depends on this one.
 */
package io.tokenbench.reports.cli;
