package io.tokenbench.mock.cli;

import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.io.PrintStream;

/**
 * {@code java -jar mock-upstream.jar [options]}: parse, start, print where it listens, and shut down
 * gracefully on SIGTERM. Exit 2 for a bad option (the message names it), 1 when the port cannot be
 * bound.
 */
public final class MockMain {

    static final int EXIT_BAD_OPTION = 2;
    static final int EXIT_CANNOT_START = 1;

    private MockMain() {
    }

    public static void main(String[] args) {
        int exit = run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Starts the mock (its event loops keep the JVM alive) or returns a non-zero exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        MockOptions.Parsed parsed;
        try {
            parsed = new MockOptions(System::getenv).parse(args);
        } catch (OptionError e) {
            err.println("mock: " + e.getMessage());
            err.println("mock: run with --help for the options");
            return EXIT_BAD_OPTION;
        }
        if (parsed.help()) {
            out.print(MockHelp.text());
            out.flush();
            return 0;
        }
        MockConfig config = parsed.config();
        MockUpstream mock;
        try {
            mock = MockUpstream.start(config);
        } catch (IllegalStateException e) {
            err.println("mock: " + e.getMessage());
            return EXIT_CANNOT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("mock: shutting down (grace " + config.shutdownGrace().toMillis() + " ms, "
                    + mock.inFlight() + " request(s) in flight)");
            mock.close();
        }, "mock-shutdown"));
        if (config.usesDefaultApiKey()) {
            err.println("mock: api key: " + MockConfig.DEFAULT_API_KEY);
        } else {
            err.println("mock: accepting " + config.apiKeys().size() + " configured api key(s)");
        }
        if (parsed.generatedAdminToken()) {
            err.println("mock: admin token: " + mock.adminToken());
        }
        err.flush();
        out.println("listening on " + mock.baseUrl());
        out.flush();
        return 0;
    }
}
