package io.tokenbench.mock.behavior;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Per-request behaviour overrides sent as headers. Each replaces the configured distribution for
 * one request. Parsing is strict: a bad value throws {@link BadOverrideException} naming the
 * header.
 *
 * @param ttftNanos {@code x-mock-ttft-ms}: time to first token
 * @param itlNanos {@code x-mock-itl-ms}: constant inter-token delay
 * @param outputTokens {@code x-mock-output-tokens}: output tokens per choice (before {@code
 *     max_tokens})
 * @param fault {@code x-mock-fault}: the fault, or {@code none} to suppress configured faults
 * @param seed {@code x-mock-seed}: replaces the request number in the request's random seed
 * @param faultAttempts {@code x-mock-fault-attempts}: the fault hits only attempts whose {@code
 *     x-stainless-retry-count} is below this, so an SDK's retry can succeed
 * @param retryCount {@code x-stainless-retry-count} as sent by the SDKs (0 when absent or not a
 *     number)
 */
public record RequestOverrides(
        OptionalLong ttftNanos,
        OptionalLong itlNanos,
        OptionalInt outputTokens,
        Optional<FaultChoice> fault,
        OptionalLong seed,
        OptionalInt faultAttempts,
        int retryCount) {

    public static final String TTFT_MS = "x-mock-ttft-ms";
    public static final String ITL_MS = "x-mock-itl-ms";
    public static final String OUTPUT_TOKENS = "x-mock-output-tokens";
    public static final String FAULT = "x-mock-fault";
    public static final String SEED = "x-mock-seed";
    public static final String FAULT_ATTEMPTS = "x-mock-fault-attempts";
    public static final String RETRY_COUNT = "x-stainless-retry-count";

    /**
     * The headers {@link #parse} reads (lower case); a request with none of them has {@link #NONE}.
     */
    public static final java.util.Set<String> HEADERS =
            java.util.Set.of(TTFT_MS, ITL_MS, OUTPUT_TOKENS, FAULT, SEED, FAULT_ATTEMPTS);

    /**
     * The one cap on every duration a request header can ask for: latencies ({@code
     * x-mock-ttft-ms}, {@code x-mock-itl-ms}, {@code x-mock-latency-ms}, {@code x-mock-job-ms}) and
     * duration parameters of {@code x-mock-fault} ({@code stall:...}, {@code slow_drip:...}, {@code
     * http_429:...}).
     */
    public static final long MAX_HEADER_DURATION_NANOS = 3_600_000_000_000L;

    public static final RequestOverrides NONE =
            new RequestOverrides(
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    OptionalInt.empty(),
                    Optional.empty(),
                    OptionalLong.empty(),
                    OptionalInt.empty(),
                    0);

    /** {@code x-mock-fault} either names a fault or says {@code none}. */
    public record FaultChoice(Optional<FaultSpec> spec) {
        public static final FaultChoice NO_FAULT = new FaultChoice(Optional.empty());
    }

    /** A header value that does not parse; the message names the header. */
    public static final class BadOverrideException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String header;

        public BadOverrideException(String header, String message) {
            super("Invalid " + header + " header: " + message);
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    /** Reads the override headers through {@code header} (name → value or null). */
    public static RequestOverrides parse(Function<String, String> header) {
        String ttft = header.apply(TTFT_MS);
        String itl = header.apply(ITL_MS);
        String tokens = header.apply(OUTPUT_TOKENS);
        String fault = header.apply(FAULT);
        String seed = header.apply(SEED);
        String attempts = header.apply(FAULT_ATTEMPTS);
        if (ttft == null
                && itl == null
                && tokens == null
                && fault == null
                && seed == null
                && attempts == null) {
            return NONE;
        }
        return new RequestOverrides(
                ttft == null ? OptionalLong.empty() : OptionalLong.of(millisToNanos(TTFT_MS, ttft)),
                itl == null ? OptionalLong.empty() : OptionalLong.of(millisToNanos(ITL_MS, itl)),
                tokens == null
                        ? OptionalInt.empty()
                        : OptionalInt.of((int) integer(OUTPUT_TOKENS, tokens, 1, 1_000_000)),
                fault == null ? Optional.empty() : Optional.of(faultChoice(fault)),
                seed == null
                        ? OptionalLong.empty()
                        : OptionalLong.of(integer(SEED, seed, Long.MIN_VALUE, Long.MAX_VALUE)),
                attempts == null
                        ? OptionalInt.empty()
                        : OptionalInt.of((int) integer(FAULT_ATTEMPTS, attempts, 0, 1000)),
                retryCount(header.apply(RETRY_COUNT)));
    }

    /** Whether a configured or requested fault may hit this attempt (see {@code faultAttempts}). */
    public boolean faultAllowed() {
        return faultAttempts.isEmpty() || retryCount < faultAttempts.getAsInt();
    }

    private static int retryCount(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0; // an SDK header, not ours to reject
        }
    }

    /**
     * Milliseconds (fractional allowed) in [0, 3600000] as nanoseconds; else a {@link
     * BadOverrideException} naming {@code name}.
     */
    static long millisToNanos(String name, String value) {
        try {
            double millis = Double.parseDouble(value.strip());
            if (!(millis >= 0 && millis <= MAX_HEADER_DURATION_NANOS / 1e6)) {
                throw overCap(name, value);
            }
            return Math.round(millis * 1_000_000);
        } catch (NumberFormatException e) {
            throw new BadOverrideException(
                    name, "expected a number of milliseconds, got '" + value + "'");
        }
    }

    private static long integer(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < min || parsed > max) {
                throw new BadOverrideException(
                        name,
                        "expected an integer in [" + min + ", " + max + "], got '" + value + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadOverrideException(name, "expected an integer, got '" + value + "'");
        }
    }

    private static FaultChoice faultChoice(String value) {
        if (value.strip().toLowerCase(Locale.ROOT).equals("none")) {
            return FaultChoice.NO_FAULT;
        }
        try {
            FaultSpec spec = FaultSpec.parse(value);
            if (spec.fault().paramKind() == Fault.ParamKind.DURATION
                    && spec.param() > MAX_HEADER_DURATION_NANOS) {
                throw overCap(FAULT, value);
            }
            return new FaultChoice(Optional.of(spec));
        } catch (BadOverrideException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadOverrideException(FAULT, e.getMessage());
        }
    }

    /** The one message for a duration outside [0, 1 h]. */
    private static BadOverrideException overCap(String header, String value) {
        return new BadOverrideException(
                header,
                "durations a header can ask for are in [0, 1h] (at most 3600000 ms), got '"
                        + value
                        + "'");
    }
}
