package io.tokenbench.benchmarks.target;

import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.net.URI;
import java.util.Optional;

/**
 * A started target: the in-process mock (started here, stopped by {@link #close()}) or a live URL.
 * Opened in {@code @Setup(Level.Trial)}, closed in {@code @TearDown(Level.Trial)}; not shared
 * across forks.
 */
public final class BenchTarget implements AutoCloseable {

    private final Optional<MockUpstream> mock;
    private final Endpoint endpoint;

    private BenchTarget(Optional<MockUpstream> mock, Endpoint endpoint) {
        this.mock = mock;
        this.endpoint = endpoint;
    }

    /**
     * Starts the mock on a free loopback port for the mock kinds; reads the live settings for LIVE.
     */
    public static BenchTarget open(TargetKind kind, int outputTokens) {
        if (outputTokens < 1) {
            throw new IllegalArgumentException("outputTokens must be >= 1: " + outputTokens);
        }
        String model = LiveTarget.model(System.getProperties());
        if (kind == TargetKind.LIVE) {
            return new BenchTarget(
                    Optional.empty(), LiveTarget.endpoint(System.getProperties(), System.getenv()));
        }
        MockUpstream mock =
                MockUpstream.start(
                        MockConfig.defaults()
                                .withPort(0)
                                .withBehavior(kind.mockBehavior(outputTokens)));
        Endpoint endpoint =
                new Endpoint(
                        URI.create(mock.baseUrl() + "/v1"),
                        MockConfig.DEFAULT_API_KEY,
                        model,
                        true);
        return new BenchTarget(Optional.of(mock), endpoint);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Fails the benchmark (JMH with {@code -foe true} stops the run) when an answer does not have
     * the tokens it must have: exactly {@code requested} from the mock, at least one from a live
     * model.
     */
    public void checkTokens(long counted, int requested) {
        boolean ok = endpoint.exactTokens() ? counted == requested : counted >= 1;
        if (!ok) {
            throw new IllegalStateException(
                    "answer had "
                            + counted
                            + " tokens, expected "
                            + (endpoint.exactTokens() ? "exactly " + requested : "at least 1"));
        }
    }

    @Override
    public void close() {
        mock.ifPresent(MockUpstream::close);
    }
}
