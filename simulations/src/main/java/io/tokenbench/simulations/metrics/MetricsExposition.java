package io.tokenbench.simulations.metrics;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.Window;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves {@code GET /metrics} (Prometheus text or OpenMetrics, as the scraper's {@code Accept}
 * asks; the Prometheus Java client writes it) for the runs of this process while it is open. While
 * one is open, every run folder opened by the load commands records into it too ({@link #forRun});
 * {@link #close()} keeps serving until one scrape has read the final values, at most the grace,
 * then stops.
 *
 * <p>One exposition per process at a time (it is what the run's {@code RunSink}s find).
 */
public final class MetricsExposition implements AutoCloseable {

    /** The path scraped; also in the Kubernetes annotations and deploy/README.md. */
    public static final String PATH = "/metrics";

    private static volatile MetricsExposition active;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final InjectorMetrics metrics = new InjectorMetrics(registry);
    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration grace;
    private final CountDownLatch scrapedAfterEnd = new CountDownLatch(1);
    private volatile boolean ended;
    private boolean closed;

    /** Nothing served (no {@code --metrics-port}): closing it does nothing. */
    public static MetricsExposition disabled() {
        return new MetricsExposition(null, null, Duration.ZERO);
    }

    private MetricsExposition(HttpServer server, ExecutorService executor, Duration grace) {
        this.server = server;
        this.executor = executor;
        this.grace = grace;
    }

    /**
     * Binds {@code address} and starts serving; the exposition becomes the process's active one.
     *
     * @param grace how long {@link #close()} waits at most for a scrape of the final values
     * @throws IOException when the address cannot be bound
     * @throws IllegalStateException when another exposition is open in this process
     */
    public static synchronized MetricsExposition start(InetSocketAddress address, Duration grace)
            throws IOException {
        if (active != null) {
            throw new IllegalStateException("a metrics exposition is already open");
        }
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread t = new Thread(task, "tokenbench-metrics");
                            t.setDaemon(true);
                            return t;
                        });
        MetricsExposition exposition = new MetricsExposition(server, executor, grace);
        MetricsHandler handler = new MetricsHandler(exposition.registry);
        server.createContext(
                PATH,
                exchange -> {
                    boolean afterEnd = exposition.ended;
                    handler.handle(exchange); // writes and closes the exchange
                    if (afterEnd) {
                        exposition.scrapedAfterEnd.countDown();
                    }
                });
        server.setExecutor(executor);
        server.start();
        active = exposition;
        return exposition;
    }

    /**
     * The series of a run that opens now, when an exposition is open; empty otherwise (no {@code
     * --metrics-port}).
     */
    public static Optional<RunMetrics> forRun(
            String runId, String scenario, String injector, RunClock clock, Window window) {
        MetricsExposition e = active;
        return e == null
                ? Optional.empty()
                : Optional.of(new RunMetrics(e.metrics, runId, scenario, injector, clock, window));
    }

    /** Whether this exposition serves anything ({@link #disabled()} does not). */
    public boolean enabled() {
        return server != null;
    }

    /** The bound port (the chosen one when 0 was asked for); -1 when {@link #disabled()}. */
    public int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    /** The registry served, for tests and embedding. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /**
     * Waits until a scrape started after this call has been answered, at most the grace, then stops
     * serving. Idempotent.
     */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        synchronized (MetricsExposition.class) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ended = true;
        try {
            if (!grace.isZero()) {
                scrapedAfterEnd.await(grace.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop(0);
            executor.shutdownNow();
            synchronized (MetricsExposition.class) {
                if (active == this) {
                    active = null;
                }
            }
        }
    }

    /** True once a scrape started after {@link #close()} began was answered (for tests). */
    boolean finalScrapeServed() {
        return scrapedAfterEnd.getCount() == 0;
    }
}
