package io.tokenbench.simulations.keys.cli;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.enforcement.PowerTokensPlatform;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.io.IOException;
import java.net.URI;

/**
 * The Netty mock with the PowerTokens gate, started in this JVM on 127.0.0.1 and a free port, with
 * zero latency and the faithful default profile (the verifier changes switches through the admin
 * API). Close it to stop server and sweeper.
 */
public final class InProcessMock implements AutoCloseable {
    private static final int IO_THREADS = 2;

    private final PowerTokensPlatform platform;
    private final MockUpstream server;

    private InProcessMock(PowerTokensPlatform platform, MockUpstream server) {
        this.platform = platform;
        this.server = server;
    }

    public static InProcessMock start() throws IOException {
        PowerTokensPlatform platform =
                PowerTokensPlatform.open(
                        ModelCatalog.defaults(), EnforcementProfile.DEFAULTS, null);
        MockUpstream server;
        try {
            server =
                    MockUpstream.start(
                            MockConfig.defaults()
                                    .withPort(0)
                                    .withIoThreads(IO_THREADS)
                                    .withBehavior(Behavior.ZERO_LATENCY)
                                    .withGate(platform.gate())
                                    .withClock(platform.clock())
                                    .withRouteGroups(platform.routeGroups()));
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        platform.start();
        return new InProcessMock(platform, server);
    }

    public URI baseUrl() {
        return URI.create(server.baseUrl());
    }

    /** The generated admin token (never printed). */
    public String adminToken() {
        return server.adminToken();
    }

    @Override
    public void close() throws IOException {
        server.close();
        platform.close();
    }
}
