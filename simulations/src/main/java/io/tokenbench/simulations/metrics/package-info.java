/**
 * Live Prometheus exposition of a run ({@code --metrics-port}): {@link MetricsOptions} (the picocli
 * mixin), {@link MetricsExposition} (the HTTP endpoint and its lifetime), {@link InjectorMetrics}
 * (the metric families) and {@link RunMetrics} (one run's pre-resolved series, fed by {@code
 * RunSink}). The HdrHistogram recording stays the source of truth for reports; this is a view for
 * Prometheus and Grafana while the run lasts.
 */
package io.tokenbench.simulations.metrics;
