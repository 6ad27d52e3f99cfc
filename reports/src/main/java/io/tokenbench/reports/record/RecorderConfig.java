package io.tokenbench.reports.record;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RunRecorder} records.
 *
 * @param interval length of one {@code .hlog} interval (default 1 s); boundaries are aligned to multiples
 *                 of it on the epoch clock so injectors' intervals line up when merged
 * @param window   warm-up / measurement / grace on t_sched
 * @param slo      per-request SLOs deciding goodput
 */
public record RecorderConfig(Duration interval, Window window, Slo slo) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final RecorderConfig DEFAULTS = new RecorderConfig(DEFAULT_INTERVAL, Window.ALL, Slo.NONE);

    public RecorderConfig {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(slo, "slo");
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException("interval must be >= 10 ms: " + interval);
        }
    }

    public RecorderConfig withWindow(Window value) {
        return new RecorderConfig(interval, value, slo);
    }

    public RecorderConfig withSlo(Slo value) {
        return new RecorderConfig(interval, window, value);
    }

    public RecorderConfig withInterval(Duration value) {
        return new RecorderConfig(value, window, slo);
    }
}
