/**
 * {@code GET /metrics}: the mock's own counters in the Prometheus text format (or OpenMetrics, as
 * the scraper asks), written by the Prometheus Java client. Most values are read at scrape time
 * from what the mock already counts ({@code ServerStats}, {@code SchedulingLag}, the key platform);
 * the two new counters ({@link ResponseCounts}, {@link CountingGate}) are updated without
 * allocation. Nothing secret is exposed: no key, hash, name or admin token.
 */
package io.tokenbench.mock.metrics;
