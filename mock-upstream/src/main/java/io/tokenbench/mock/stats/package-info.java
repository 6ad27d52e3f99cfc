/**
 * What the server counts and how it is read: {@link io.tokenbench.mock.stats.ServerStats} (counters
 * and gauges the server and the media endpoints update) and {@code /admin/stats} ({@link
 * io.tokenbench.mock.stats.StatsRoutes}: GET, DELETE), which adds the streams' scheduling-lag
 * histogram.
 */
package io.tokenbench.mock.stats;
