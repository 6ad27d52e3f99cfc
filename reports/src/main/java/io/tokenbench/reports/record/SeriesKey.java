package io.tokenbench.reports.record;

import java.util.Optional;

/**
 * The name of a recorded series: a plain metric ({@code e2e}, all endpoint classes together) or a
 * metric of one endpoint class ({@code images.e2e}). Used as the {@code .hlog} tag after the phase
 * prefix, as the series name in memory and in gate rules. Old run folders only have plain names;
 * both read the same way.
 *
 * @param endpoint the class, empty for the blended (all-classes) series
 * @param metric the metric
 */
public record SeriesKey(Optional<EndpointClass> endpoint, Metric metric) {

    public static SeriesKey plain(Metric metric) {
        return new SeriesKey(Optional.empty(), metric);
    }

    public static SeriesKey of(EndpointClass endpoint, Metric metric) {
        return new SeriesKey(Optional.of(endpoint), metric);
    }

    /** {@code e2e} or {@code images.e2e}. */
    public String name() {
        return endpoint.map(c -> c.wireName() + "." + metric.wireName()).orElse(metric.wireName());
    }

    /** Parses {@code e2e} or {@code images.e2e}; empty when either part is unknown. */
    public static Optional<SeriesKey> parse(String name) {
        Optional<Metric> plain = Metric.fromWireName(name);
        if (plain.isPresent()) {
            return Optional.of(plain(plain.get()));
        }
        int dot = name.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        Optional<EndpointClass> c = EndpointClass.fromWireName(name.substring(0, dot));
        Optional<Metric> m = Metric.fromWireName(name.substring(dot + 1));
        return c.isPresent() && m.isPresent()
                ? Optional.of(of(c.get(), m.get()))
                : Optional.empty();
    }
}
