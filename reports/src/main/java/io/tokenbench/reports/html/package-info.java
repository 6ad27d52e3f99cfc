/**
 * The shared parts of every HTML page tokenbench writes (run report, compare, sweep, gateway
 * overhead, key-limit enforcement): one page frame with one stylesheet and a table of contents
 * ({@link io.tokenbench.reports.html.Page}), one headline component ({@link
 * io.tokenbench.reports.html.Headline}), one chart component ({@link
 * io.tokenbench.reports.html.Chart}, drawn by the inlined uPlot) and one table ({@link
 * io.tokenbench.reports.html.Table}). Nothing here knows what a run is; the pages are composed in
 * {@code io.tokenbench.reports.format}.
 */
package io.tokenbench.reports.html;
