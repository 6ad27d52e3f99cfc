/**
 * Benchmarks of the reports module's own speed: summarising long runs ({@link
 * io.tokenbench.benchmarks.reports.SummarizeHourBench}). Owned by the reports work; run with {@link
 * io.tokenbench.benchmarks.reports.RunReportsBenchmarks}.
 */
package io.tokenbench.benchmarks.reports;
