package io.tokenbench.benchmarks.mockload;

import io.tokenbench.mock.server.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of the streaming soak ({@link SoakCommand} parses them). The constructor validates; its
 * {@link IllegalArgumentException} names the option.
 *
 * @param baseUrl the mock, without {@code /v1}
 * @param adminToken the mock's admin token (read from {@code --admin-token-env}, never the command
 *     line; {@link #toString()} leaves it out)
 * @param streams concurrent streams (one connection each, kept open across requests)
 * @param itlMillis inter-token delay asked for with {@code x-mock-itl-ms}
 * @param tokens output tokens per stream before the connection starts its next stream: the mean
 *     when {@code lengths} varies them
 * @param lengths whether every stream asks for {@code tokens} or draws its own length
 * @param connectPerSec connection ramp rate
 * @param warmup time after the ramp before the mock's statistics are reset
 * @param duration measurement window
 * @param transport the client's Netty transport (resolved: never AUTO)
 */
record SoakOptions(
        URI baseUrl,
        String adminToken,
        int streams,
        int itlMillis,
        int tokens,
        StreamLengths lengths,
        int connectPerSec,
        Duration warmup,
        Duration duration,
        Transport transport) {

    SoakOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "--base-url must be an http URL with a host, got '" + baseUrl + "'");
        }
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException("--admin-token-env: the admin token is empty");
        }
        atLeastOne("--streams", streams);
        atLeastOne("--itl-ms", itlMillis);
        atLeastOne("--tokens", tokens);
        if (tokens > MAX_TOKENS) {
            throw new IllegalArgumentException(
                    "--tokens must be <= " + MAX_TOKENS + ", got " + tokens);
        }
        Objects.requireNonNull(lengths, "lengths");
        atLeastOne("--connect-per-sec", connectPerSec);
        positive("--warmup", warmup);
        positive("--duration", duration);
        Objects.requireNonNull(transport, "transport");
    }

    /** A stream of this many tokens at 1 ms apart lasts about 17 minutes. */
    static final int MAX_TOKENS = 1_000_000;

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + value);
        }
    }

    private static void positive(String option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }

    /** Everything but the admin token. */
    @Override
    public String toString() {
        return "SoakOptions[baseUrl="
                + baseUrl
                + ", streams="
                + streams
                + ", itlMillis="
                + itlMillis
                + ", tokens="
                + tokens
                + ", lengths="
                + lengths.wireName()
                + ", transport="
                + transport.wireName()
                + ", connectPerSec="
                + connectPerSec
                + ", warmup="
                + warmup
                + ", duration="
                + duration
                + "]";
    }
}
