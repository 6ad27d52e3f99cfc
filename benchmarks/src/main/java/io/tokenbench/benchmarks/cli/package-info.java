/**
 * {@code ./tokenbench bench}: {@link io.tokenbench.benchmarks.cli.BenchCommand} parses the command
 * line (picocli, the shared option layer) into {@link io.tokenbench.benchmarks.cli.BenchOptions};
 * {@link io.tokenbench.benchmarks.cli.BenchRun} runs JMH through its {@code Runner} with a preset
 * (quick or rigorous), writes JMH's JSON into a run folder and imports it through the reports model
 * (summary.json, summary.md, report.html), then prints the SDK's overhead against the lean clients.
 * No benchmark code here, and no other package depends on this one.
 */
package io.tokenbench.benchmarks.cli;
