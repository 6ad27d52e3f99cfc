/**
 * {@code ./tokenbench bench}: parses the command line into {@link
 * io.tokenbench.benchmarks.cli.BenchOptions}, runs JMH through its {@code Runner} with a preset
 * (quick or rigorous), writes JMH's JSON into a run folder and imports it through the reports model
 * (summary.json, summary.md, report.html), then prints the SDK's overhead against the lean clients.
 * No benchmark code here.
 */
package io.tokenbench.benchmarks.cli;
