/**
 * Baseline comparison: {@link io.tokenbench.reports.compare.Comparer} lines up two {@link
 * io.tokenbench.reports.model.RunSummary summaries} into a {@link
 * io.tokenbench.reports.compare.Comparison} of per-metric percentiles, throughput, goodput and
 * error rate by outcome, with absolute and relative deltas. Rendering lives in {@code format};
 * pass/fail decisions live in {@code gate}.
 */
package io.tokenbench.reports.compare;
