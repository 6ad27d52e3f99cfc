package io.tokenbench.reports.record;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link RunRecorder} records.
 *
 * @param interval length of one {@code .hlog} interval (default 1 s); boundaries are aligned to
 *     multiples of it on the epoch clock so injectors' intervals line up when merged
 * @param window warm-up / measurement / grace on t_sched
 * @param slo per-request SLOs deciding goodput (of every request whose class has no SLO of its own)
 * @param classSlos per-endpoint-class SLOs; non-empty means "record per class": every request is
 *     recorded into the blended series and counts and into those of its {@link EndpointClass}, and
 *     is judged good against its class's SLO
 */
public record RecorderConfig(
        Duration interval, Window window, Slo slo, Map<EndpointClass, Slo> classSlos) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final RecorderConfig DEFAULTS =
            new RecorderConfig(DEFAULT_INTERVAL, Window.ALL, Slo.NONE);

    public RecorderConfig {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(classSlos, "classSlos");
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("interval must be >= 10 ms: " + interval);
        }
        classSlos =
                classSlos.isEmpty()
                        ? Map.of()
                        : Collections.unmodifiableMap(new EnumMap<>(classSlos));
    }

    /** One SLO for every request, no per-class recording. */
    public RecorderConfig(Duration interval, Window window, Slo slo) {
        this(interval, window, slo, Map.of());
    }

    /** True when requests are also recorded per endpoint class. */
    public boolean byClass() {
        return !classSlos.isEmpty();
    }

    /** The SLO a request of {@code endpoint} is judged by. */
    public Slo sloFor(EndpointClass endpoint) {
        return classSlos.getOrDefault(endpoint, slo);
    }

    public RecorderConfig withWindow(Window value) {
        return new RecorderConfig(interval, value, slo, classSlos);
    }

    public RecorderConfig withSlo(Slo value) {
        return new RecorderConfig(interval, window, value, classSlos);
    }

    public RecorderConfig withInterval(Duration value) {
        return new RecorderConfig(value, window, slo, classSlos);
    }

    public RecorderConfig withClassSlos(Map<EndpointClass, Slo> value) {
        return new RecorderConfig(interval, window, slo, value);
    }
}
