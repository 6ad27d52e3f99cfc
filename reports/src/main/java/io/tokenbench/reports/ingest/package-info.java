/**
 * Reading what runs left behind, strictly: {@code metrics.hlog} ({@link
 * io.tokenbench.reports.ingest.HlogReader}, streaming, one line-numbered error per corrupt or
 * truncated line), {@code outcomes.jsonl}, whole run folders ({@link
 * io.tokenbench.reports.ingest.RunLoader}) and JMH {@code -rf json} results ({@link
 * io.tokenbench.reports.ingest.JmhJsonReader}), all into the same {@link
 * io.tokenbench.reports.ingest.RunData}.
 *
 * <p>Not here: computing summaries (model) or writing anything.
 */
package io.tokenbench.reports.ingest;
