package io.tokenbench.mock.metrics;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /metrics}, public (no admin token: nothing in it is secret): the {@link
 * MockCollector}'s snapshot in the Prometheus text format, or OpenMetrics when the {@code Accept}
 * header asks for it, written by the Prometheus Java client.
 */
public final class MetricsRoutes extends MountedRouteGroup {

    public static final String PATH = "/metrics";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormats formats = ExpositionFormats.init();

    public MetricsRoutes(MockCollector collector) {
        super(PATH, Access.PUBLIC);
        registry.register(collector);
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        if (!request.path().equals(PATH)) {
            return RouteResponse.error(ApiError.invalidUrl(request.method(), request.path()));
        }
        if (!request.method().equals("GET")) {
            return RouteResponse.methodNotAllowed(request, "GET");
        }
        ExpositionFormatWriter writer = formats.findWriter(acceptOf(request));
        if (!writer.isAvailable()) {
            writer = formats.getPrometheusTextFormatWriter();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        try {
            writer.write(body, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return new RouteResponse(200, writer.getContentType(), Map.of(), body.toByteArray());
    }

    private static String acceptOf(RouteRequest request) {
        String accept = request.header().apply("Accept");
        return accept == null ? "text/plain" : accept;
    }
}
