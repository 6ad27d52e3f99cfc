/**
 * Recording: what Gatling simulations and JMH benchmarks call from their driver threads.
 *
 * <ul>
 *   <li>{@link io.tokenbench.reports.record.Metric}: every metric name of {@code metrics.md}, with
 *       its wire name and the unit its histogram stores.
 *   <li>{@link io.tokenbench.reports.record.Outcome}: the named outcomes of a request.
 *   <li>{@link io.tokenbench.reports.record.RequestTimeline} and {@link
 *       io.tokenbench.reports.record.JobTimeline}: the timestamps of one request (or one video job)
 *       in monotonic nanoseconds, plus usage and outcome.
 *   <li>{@link io.tokenbench.reports.record.MetricDerivation}: the one place that turns a timeline
 *       into metric samples by the formulas of {@code metrics.md}; {@link
 *       io.tokenbench.reports.record.Slo} decides goodput.
 *   <li>{@link io.tokenbench.reports.record.RunRecorder}: one HdrHistogram {@code Recorder} per
 *       metric and phase, lock-free counters, and one reporter thread that appends each interval to
 *       {@code metrics.hlog} and {@code outcomes.jsonl}; {@link
 *       io.tokenbench.reports.record.RunEnd} marks the folder while recording and at close.
 *   <li>{@link io.tokenbench.reports.record.RequestLog}: {@code requests.jsonl.gz}, one {@link
 *       io.tokenbench.reports.record.RequestRecord} per request, written off the measuring path.
 *   <li>{@link io.tokenbench.reports.record.ErrorSampler}: the first failed responses per (class,
 *       outcome, status) in {@code errors.jsonl}, secrets redacted ({@link
 *       io.tokenbench.reports.record.SecretText}).
 * </ul>
 *
 * <p>Not here: reading logs back (ingest), summaries (model), output formats (format).
 */
package io.tokenbench.reports.record;
