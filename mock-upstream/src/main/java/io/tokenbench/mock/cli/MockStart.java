package io.tokenbench.mock.cli;

import io.tokenbench.mock.enforcement.PowerTokensPlatform;
import io.tokenbench.mock.enforcement.StaticKeysFirstGate;
import io.tokenbench.mock.gate.StaticKeyGate;
import io.tokenbench.mock.routing.RouteGroup;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.options.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Starts the mock from {@link MockSettings}: opens the key platform (and its state file), binds,
 * prints where it listens, and installs the SIGTERM hook that drains and saves.
 */
final class MockStart {

    /** How a start ended: an exit code, and the running mock when it started. */
    record Started(int exitCode, Optional<MockUpstream> mock) {}

    private MockStart() {}

    /**
     * @throws ParameterException when the {@code --state-file} cannot be used (exit 2)
     */
    static Started start(MockSettings settings, CommandLine line) {
        PrintWriter out = line.getOut();
        PrintWriter err = line.getErr();
        PowerTokensPlatform keys;
        try {
            keys =
                    PowerTokensPlatform.open(
                            settings.config().catalog(),
                            settings.profile(),
                            settings.stateFile().orElse(null),
                            settings.config().seed());
        } catch (IOException | RuntimeException e) {
            throw new ParameterException(line, "--state-file: " + e.getMessage(), e);
        }
        MockConfig base = settings.config();
        List<RouteGroup> routes = new ArrayList<>(base.routeGroups());
        routes.addAll(keys.routeGroups());
        MockConfig config =
                base.withGate(
                                new StaticKeysFirstGate(
                                        new StaticKeyGate(base.apiKeys()), keys.gate()))
                        .withClock(keys.clock())
                        .withRouteGroups(routes);
        MockUpstream mock;
        try {
            mock =
                    settings.tls().isPresent()
                            ? MockUpstream.start(config, settings.tls().get())
                            : MockUpstream.start(config);
        } catch (IllegalArgumentException e) {
            closeQuietly(keys);
            throw new ParameterException(line, "--tls: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            closeQuietly(keys);
            err.println("mock: " + e.getMessage());
            err.flush();
            return new Started(ExitCode.FAILED, Optional.empty());
        } catch (Exception e) { // Netty's bind throws its checked IOException undeclared
            closeQuietly(keys);
            err.println(
                    "mock: cannot listen on "
                            + config.host()
                            + ":"
                            + config.port()
                            + ": "
                            + e.getMessage());
            err.flush();
            return new Started(ExitCode.FAILED, Optional.empty());
        }
        keys.start();
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    err.println(
                                            "mock: shutting down (grace "
                                                    + config.shutdownGrace().toMillis()
                                                    + " ms, "
                                                    + mock.inFlight()
                                                    + " request(s) in flight)");
                                    err.flush();
                                    mock.close();
                                    try {
                                        keys.close();
                                    } catch (IOException e) {
                                        err.println(
                                                "mock: could not save the state file: "
                                                        + e.getMessage());
                                        err.flush();
                                    }
                                },
                                "mock-shutdown"));
        if (base.usesDefaultApiKey()) {
            err.println("mock: api key: " + MockConfig.DEFAULT_API_KEY);
        } else {
            err.println("mock: accepting " + base.apiKeys().size() + " configured api key(s)");
        }
        if (settings.generatedAdminToken()) {
            err.println("mock: admin token: " + mock.adminToken());
        }
        err.println("mock: transport " + mock.transport().wireName());
        if (settings.jitNice() > 0) {
            err.println(JitPriority.lower(settings.jitNice()).announcement());
        }
        err.flush();
        TlsOptions.announcements(mock, settings.tls()).forEach(out::println);
        out.println("listening on " + mock.baseUrl());
        out.flush();
        return new Started(ExitCode.PASS, Optional.of(mock));
    }

    /** Closes the key platform of a mock that did not start. */
    private static void closeQuietly(PowerTokensPlatform keys) {
        try {
            keys.close();
        } catch (IOException | RuntimeException e) {
            // the start already failed; that failure is what the user sees
        }
    }
}
