package io.tokenbench.mock.cli;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.enforcement.EnforcementOptions;
import io.tokenbench.mock.server.MockConfig;

/** The {@code --help} text: every option with its default. */
final class MockHelp {

    record Option(String name, String value, String description) {
    }

    static final Option[] OPTIONS = {
        new Option("--host", "HOST", "address to bind (default 127.0.0.1)"),
        new Option("--port", "PORT", "port; 0 picks a free one (default " + MockConfig.DEFAULT_PORT + ")"),
        new Option("--api-key", "KEY", "accept KEY (repeatable). Process arguments are visible to other users:"
                + " prefer --api-keys-env or --api-keys-file (default: only " + MockConfig.DEFAULT_API_KEY + ")"),
        new Option("--api-keys-env", "NAME", "accept the keys in environment variable NAME (comma or newline separated)"),
        new Option("--api-keys-file", "FILE", "accept the keys in FILE (one per line, # comments)"),
        new Option("--admin-token", "TOKEN", "Bearer token of /admin/* (default: generated and printed)"),
        new Option("--seed", "N", "seed of every random draw (default " + MockConfig.DEFAULT_SEED + ")"),
        new Option("--ttft", "DIST", "time to first token (default " + Behavior.DEFAULT.ttft().spec() + ")"),
        new Option("--itl", "DIST", "delay between tokens (default " + Behavior.DEFAULT.itl().spec() + ")"),
        new Option("--output-tokens", "DIST", "output tokens per choice before max_tokens (default "
                + Behavior.DEFAULT.outputTokens().spec() + ")"),
        new Option("--tokens-per-chunk", "N", "tokens per SSE content chunk (default " + Behavior.DEFAULT.tokensPerChunk() + ")"),
        new Option("--slowdown-threshold", "N", "requests in flight served at full speed (default: no slowdown)"),
        new Option("--slowdown-factor", "F", "each request above the threshold stretches delays by F (0.01 = +1 %;"
                + " default 0)"),
        new Option("--fault", "NAME[:PARAM]=P", "inject fault NAME with probability P per request (repeatable;"
                + " default none). Faults: " + FaultSpec.knownNames()),
        new Option("--catalog", "FILE", "model catalog JSON (default: the built-in catalog)"),
        new Option("--max-body", "SIZE", "largest request body, larger gets 413 (default 25MiB)"),
        new Option("--max-header", "SIZE", "largest request header block, larger gets 431 (default 16KiB)"),
        new Option("--shutdown-grace", "DURATION", "on SIGTERM, how long streams in flight may finish (default "
                + MockConfig.DEFAULT_SHUTDOWN_GRACE.toSeconds() + "s)"),
        new Option("--client-timeout", "DURATION", "close connections idle between requests this long (default "
                + MockConfig.DEFAULT_CLIENT_IDLE_TIMEOUT.toSeconds() + "s)"),
        new Option("--io-threads", "N", "event loop threads (default: number of CPUs)"),
        new Option("--state-file", "FILE", "keys (hashes only), ledgers, usage log and clock survive restarts in FILE,"
                + " written atomically (default: in memory)"),
        new Option("--help", "", "print this help"),
    };

    private MockHelp() {
    }

    static String text() {
        StringBuilder out = new StringBuilder("""
                Usage: java -jar mock-upstream.jar [options]    (or: ./tokenbench mock [options])

                An OpenAI-compatible mock upstream (POST /v1/chat/completions, GET /v1/models) with
                latency, length and fault models. Prints 'listening on http://HOST:PORT' when ready.

                DIST is a constant (200ms, 64) or uniform(a,b), normal(mean,sd[,min,max]),
                lognormal(median,sigma[,max]); durations need a unit: ns, us, ms, s.

                Options:
                """);
        for (Option option : OPTIONS) {
            line(out, option.name(), option.value(), option.description());
        }
        out.append("""

                PowerTokens key enforcement (keys made with POST /admin/keys; see KEYS.md).
                The same settings are changeable at run time with PUT /admin/enforcement:
                """);
        for (EnforcementOptions.OptionDoc doc : EnforcementOptions.docs()) {
            line(out, doc.option(), doc.value(), doc.description());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value, String description) {
        String left = "  " + name + (value.isEmpty() ? "" : " " + value);
        out.append(String.format("%-34s %s%n", left, description));
    }
}
