/**
 * The run folder and what describes a run: {@link io.tokenbench.reports.model.RunFolder} (paths and
 * creation), {@link io.tokenbench.reports.model.RunInfo} ({@code run.json}), the sealed {@link
 * io.tokenbench.reports.model.LoadModel}, {@link io.tokenbench.reports.model.SecretGuard} (keeps
 * keys out of run folders), and the summary model ({@link io.tokenbench.reports.model.RunSummary},
 * {@link io.tokenbench.reports.model.MetricSummary}) that every output format and gate reads.
 *
 * <p>Not here: reading logs (ingest), rendering (format), recording (record).
 */
package io.tokenbench.reports.model;
