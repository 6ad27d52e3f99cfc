/**
 * Output formats behind one interface: {@link io.tokenbench.reports.format.Renderer} (a run report,
 * a comparison, a gate result) and the {@link io.tokenbench.reports.format.OutputFormat} enum
 * naming each implementation (text, Markdown, JSON, JUnit XML, HTML). {@link
 * io.tokenbench.reports.format.ReportWriter} writes a run folder's summary.json, summary.md,
 * report.html and junit.xml. The HTML pages (run report, {@link
 * io.tokenbench.reports.format.CompareHtml}, {@link io.tokenbench.reports.format.SweepPage}, {@link
 * io.tokenbench.reports.format.OverheadPage}, {@link
 * io.tokenbench.reports.format.EnforcementReport}) are composed from the shared components of
 * {@code io.tokenbench.reports.html}.
 *
 * <p>Not here: computing numbers (model, compare, gate).
 */
package io.tokenbench.reports.format;
