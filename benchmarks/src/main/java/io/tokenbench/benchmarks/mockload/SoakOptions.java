package io.tokenbench.benchmarks.mockload;

import java.net.URI;
import java.time.Duration;

/**
 * Options of the streaming soak, parsed strictly ({@code --name value}); a bad value throws {@link
 * IllegalArgumentException} naming the option.
 *
 * @param baseUrl the mock, without {@code /v1}
 * @param adminToken the mock's admin token (read from {@code --admin-token-env}, never the command
 *     line)
 * @param streams concurrent streams (one connection each, kept open across requests)
 * @param itlMillis inter-token delay asked for with {@code x-mock-itl-ms}
 * @param tokens output tokens per stream before the connection starts its next stream
 * @param connectPerSec connection ramp rate
 * @param warmup time after the ramp before the mock's statistics are reset
 * @param duration measurement window
 */
record SoakOptions(
        URI baseUrl,
        String adminToken,
        int streams,
        int itlMillis,
        int tokens,
        int connectPerSec,
        Duration warmup,
        Duration duration) {

    static SoakOptions parse(String[] args, java.util.function.Function<String, String> env) {
        URI baseUrl = null;
        String tokenEnv = "MOCK_ADMIN_TOKEN";
        int streams = 5000;
        int itlMillis = 10;
        int tokens = 2000;
        int connectPerSec = 1000;
        Duration warmup = Duration.ofSeconds(10);
        Duration duration = Duration.ofSeconds(30);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": needs a value");
            }
            String value = args[i + 1];
            try {
                switch (name) {
                    case "--base-url" -> baseUrl = URI.create(value);
                    case "--admin-token-env" -> tokenEnv = value;
                    case "--streams" -> streams = positive(value);
                    case "--itl-ms" -> itlMillis = positive(value);
                    case "--tokens" -> tokens = positive(value);
                    case "--connect-per-sec" -> connectPerSec = positive(value);
                    case "--warmup" -> warmup = Duration.ofSeconds(positive(value));
                    case "--duration" -> duration = Duration.ofSeconds(positive(value));
                    default -> throw new IllegalArgumentException("unknown option");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }
        if (baseUrl == null) {
            throw new IllegalArgumentException("--base-url: required");
        }
        String token = env.apply(tokenEnv);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "--admin-token-env: environment variable " + tokenEnv + " is not set");
        }
        return new SoakOptions(
                baseUrl, token, streams, itlMillis, tokens, connectPerSec, warmup, duration);
    }

    private static int positive(String value) {
        int parsed = Integer.parseInt(value);
        if (parsed < 1) {
            throw new IllegalArgumentException("must be >= 1, got " + value);
        }
        return parsed;
    }
}
