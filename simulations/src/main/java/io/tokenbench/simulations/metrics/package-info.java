/**
 * Live Prometheus exposition of a run ({@code --metrics-port}): {@link MetricsOptions} (the picocli
 * mixin), {@link MetricsExposition} (the HTTP endpoint and its lifetime), {@link InjectorMetrics}
 * (the metric families, collected at scrape time) and {@link RunMetrics} (one run's lock-free
 * cells, fed by {@code RunSink}; a {@link LiveHistogram} per latency series). The HdrHistogram
 * recording stays the source of truth for reports; this is a view for Prometheus and Grafana while
 * the run lasts.
 */
package io.tokenbench.simulations.metrics;
