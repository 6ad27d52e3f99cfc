package io.tokenbench.mock.cli;

import io.tokenbench.mock.admin.RouteGroup;
import io.tokenbench.mock.enforcement.PowerTokensPlatform;
import io.tokenbench.mock.enforcement.StaticKeysFirstGate;
import io.tokenbench.mock.gate.StaticKeyGate;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar mock-upstream.jar [options]}: parse, start, print where it listens, and shut
 * down gracefully on SIGTERM. Exit 2 for a bad option (the message names it), 1 when the port
 * cannot be bound.
 */
public final class MockMain {

    static final int EXIT_BAD_OPTION = 2;
    static final int EXIT_CANNOT_START = 1;

    private MockMain() {}

    /** How a launch ended: an exit code, and the running mock when it started. */
    record Launch(int exitCode, Optional<MockUpstream> mock) {}

    public static void main(String[] args) {
        Launch launch = launch(args, System.out, System.err);
        if (launch.exitCode() != 0) {
            System.exit(launch.exitCode());
        }
        // Otherwise the mock's event loop threads keep the JVM alive until SIGTERM.
    }

    static Launch launch(String[] args, PrintStream out, PrintStream err) {
        MockOptions.Parsed parsed;
        try {
            parsed = new MockOptions(System::getenv).parse(args);
        } catch (OptionError e) {
            err.println("mock: " + e.getMessage());
            err.println("mock: run with --help for the options");
            return new Launch(EXIT_BAD_OPTION, Optional.empty());
        }
        if (parsed.help()) {
            out.print(MockHelp.text());
            out.flush();
            return new Launch(0, Optional.empty());
        }
        PowerTokensPlatform keys;
        try {
            keys =
                    PowerTokensPlatform.open(
                            parsed.config().catalog(),
                            parsed.profile(),
                            parsed.stateFile().orElse(null),
                            parsed.config().seed());
        } catch (IOException | RuntimeException e) {
            err.println("mock: --state-file: " + e.getMessage());
            return new Launch(EXIT_BAD_OPTION, Optional.empty());
        }
        MockConfig base = parsed.config();
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
            mock = MockUpstream.start(config);
        } catch (IllegalStateException e) {
            err.println("mock: " + e.getMessage());
            return new Launch(EXIT_CANNOT_START, Optional.empty());
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
                                    mock.close();
                                    try {
                                        keys.close();
                                    } catch (IOException e) {
                                        err.println(
                                                "mock: could not save the state file: "
                                                        + e.getMessage());
                                    }
                                },
                                "mock-shutdown"));
        if (base.usesDefaultApiKey()) {
            err.println("mock: api key: " + MockConfig.DEFAULT_API_KEY);
        } else {
            err.println("mock: accepting " + base.apiKeys().size() + " configured api key(s)");
        }
        if (parsed.generatedAdminToken()) {
            err.println("mock: admin token: " + mock.adminToken());
        }
        err.flush();
        out.println("listening on " + mock.baseUrl());
        out.flush();
        return new Launch(0, Optional.of(mock));
    }
}
