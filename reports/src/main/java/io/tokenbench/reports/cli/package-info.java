/**
 * The command line: {@link io.tokenbench.reports.cli.ReportsMain} dispatches {@code report}, {@code
 * merge}, {@code compare} and {@code gate}; each command parses its arguments into an options
 * record ({@link io.tokenbench.reports.cli.Args} does the strict parsing), runs, and maps failures
 * to exit codes (0 ok, 1 gate regression, 2 bad usage or input). No logic beyond that lives here.
 */
package io.tokenbench.reports.cli;
