package io.tokenbench.reports.record;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link RunRecorder} writes besides the interval logs.
 *
 * @param injector this injector's name in {@code requests.jsonl.gz} and {@code errors.jsonl}
 *     ({@code "0"} for a single injector)
 * @param requestLog write {@code requests.jsonl.gz} (one record per request)
 * @param requestLogCapacity records queued for the writer thread before new ones are dropped (and
 *     counted)
 * @param errorSamplesPerKey error samples kept per (class, outcome, status); 0 keeps none
 * @param knownSecrets the API keys in use, redacted wherever they appear in error samples (never
 *     printed by {@link #toString()})
 */
public record RecorderOptions(
        String injector,
        boolean requestLog,
        int requestLogCapacity,
        int errorSamplesPerKey,
        List<String> knownSecrets) {

    public static final RecorderOptions DEFAULTS =
            new RecorderOptions(
                    "0",
                    true,
                    RequestLog.DEFAULT_CAPACITY,
                    ErrorSampler.DEFAULT_PER_KEY,
                    List.of());

    public RecorderOptions {
        Objects.requireNonNull(injector, "injector");
        if (injector.isBlank()) {
            throw new IllegalArgumentException("injector must not be blank");
        }
        if (requestLogCapacity < 1) {
            throw new IllegalArgumentException(
                    "requestLogCapacity must be >= 1: " + requestLogCapacity);
        }
        if (errorSamplesPerKey < 0) {
            throw new IllegalArgumentException(
                    "errorSamplesPerKey must be >= 0: " + errorSamplesPerKey);
        }
        knownSecrets = List.copyOf(knownSecrets);
    }

    public RecorderOptions withInjector(String value) {
        return new RecorderOptions(
                value, requestLog, requestLogCapacity, errorSamplesPerKey, knownSecrets);
    }

    public RecorderOptions withKnownSecrets(List<String> value) {
        return new RecorderOptions(
                injector, requestLog, requestLogCapacity, errorSamplesPerKey, value);
    }

    public RecorderOptions withRequestLogCapacity(int value) {
        return new RecorderOptions(injector, requestLog, value, errorSamplesPerKey, knownSecrets);
    }

    public RecorderOptions withErrorSamplesPerKey(int value) {
        return new RecorderOptions(injector, requestLog, requestLogCapacity, value, knownSecrets);
    }

    public RecorderOptions withoutRequestLog() {
        return new RecorderOptions(
                injector, false, requestLogCapacity, errorSamplesPerKey, knownSecrets);
    }

    @Override
    public String toString() {
        return "RecorderOptions[injector="
                + injector
                + ", requestLog="
                + requestLog
                + ", requestLogCapacity="
                + requestLogCapacity
                + ", errorSamplesPerKey="
                + errorSamplesPerKey
                + ", knownSecrets="
                + knownSecrets.size()
                + " redacted]";
    }
}
