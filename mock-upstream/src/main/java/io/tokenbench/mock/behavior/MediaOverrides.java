package io.tokenbench.mock.behavior;

import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The per-request headers only the media endpoints read (ENDPOINTS.md, "Per-request headers"); the
 * ones shared with chat ({@code x-mock-itl-ms}, {@code x-mock-fault}, {@code x-mock-seed}, ...)
 * stay in {@link RequestOverrides}. Strict: a bad value throws {@link
 * RequestOverrides.BadOverrideException}.
 *
 * @param latencyNanos {@code x-mock-latency-ms}: the delay before the first response byte
 * @param jobNanos {@code x-mock-job-ms}: a video job's submit → terminal time
 */
public record MediaOverrides(OptionalLong latencyNanos, OptionalLong jobNanos) {

    public static final String LATENCY_MS = "x-mock-latency-ms";
    public static final String JOB_MS = "x-mock-job-ms";
    public static final MediaOverrides NONE =
            new MediaOverrides(OptionalLong.empty(), OptionalLong.empty());

    /** Reads the headers through {@code header} (name → value or null). */
    public static MediaOverrides parse(Function<String, String> header) {
        String latency = header.apply(LATENCY_MS);
        String job = header.apply(JOB_MS);
        if (latency == null && job == null) {
            return NONE;
        }
        return new MediaOverrides(
                latency == null
                        ? OptionalLong.empty()
                        : OptionalLong.of(RequestOverrides.millisToNanos(LATENCY_MS, latency)),
                job == null
                        ? OptionalLong.empty()
                        : OptionalLong.of(RequestOverrides.millisToNanos(JOB_MS, job)));
    }
}
