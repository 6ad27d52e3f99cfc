package io.tokenbench.mock.cli;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.enforcement.EnforcementOptions;
import io.tokenbench.mock.server.MockConfig;
import java.util.Map;

/** The {@code --help} text: every option with its default. */
final class MockHelp {

    record Option(String name, String value, String description) {}

    static final Option[] OPTIONS = {
        new Option("--host", "HOST", "address to bind (default 127.0.0.1)"),
        new Option(
                "--port",
                "PORT",
                "port; 0 picks a free one (default " + MockConfig.DEFAULT_PORT + ")"),
        new Option(
                "--api-key",
                "KEY",
                "accept KEY (repeatable). Process arguments are visible to other users:"
                        + " prefer --api-keys-env or --api-keys-file (default: only "
                        + MockConfig.DEFAULT_API_KEY
                        + ")"),
        new Option(
                "--api-keys-env",
                "NAME",
                "accept the keys in environment variable NAME (comma or newline separated)"),
        new Option("--api-keys-file", "FILE", "accept the keys in FILE (one per line, # comments)"),
        new Option(
                "--admin-token",
                "TOKEN",
                "Bearer token of /admin/* (default: generated and printed)"),
        new Option(
                "--seed",
                "N",
                "seed of every random draw (default " + MockConfig.DEFAULT_SEED + ")"),
        new Option(
                "--ttft",
                "DIST",
                "time to first token (default " + Behavior.DEFAULT.ttft().spec() + ")"),
        new Option(
                "--itl",
                "DIST",
                "delay between tokens (default " + Behavior.DEFAULT.itl().spec() + ")"),
        new Option(
                "--output-tokens",
                "DIST",
                "output tokens per choice before max_tokens (default "
                        + Behavior.DEFAULT.outputTokens().spec()
                        + ")"),
        new Option(
                "--tokens-per-chunk",
                "N",
                "tokens per SSE content chunk (default " + Behavior.DEFAULT.tokensPerChunk() + ")"),
        new Option(
                "--slowdown-threshold",
                "N",
                "requests in flight served at full speed (default: no slowdown)"),
        new Option(
                "--slowdown-factor",
                "F",
                "each request above the threshold stretches delays by F (0.01 = +1 %;"
                        + " default 0)"),
        new Option(
                "--fault",
                "NAME[:PARAM]=P",
                "inject fault NAME with probability P per request (repeatable;"
                        + " default none). Faults: "
                        + FaultSpec.knownNames()),
        new Option("--catalog", "FILE", "model catalog JSON (default: the built-in catalog)"),
        new Option("--max-body", "SIZE", "largest request body, larger gets 413 (default 25MiB)"),
        new Option(
                "--max-header",
                "SIZE",
                "largest request header block, larger gets 431 (default 16KiB)"),
        new Option(
                "--shutdown-grace",
                "DURATION",
                "on SIGTERM, how long streams in flight may finish (default "
                        + MockConfig.DEFAULT_SHUTDOWN_GRACE.toSeconds()
                        + "s)"),
        new Option(
                "--client-timeout",
                "DURATION",
                "close connections idle between requests this long (default "
                        + MockConfig.DEFAULT_CLIENT_IDLE_TIMEOUT.toSeconds()
                        + "s)"),
        new Option("--io-threads", "N", "event loop threads (default: number of CPUs)"),
        new Option(
                "--tls",
                "",
                "serve HTTPS with a certificate generated at start (names localhost, 127.0.0.1,"
                        + " ::1); prints 'tls ca certificate: FILE'"),
        new Option(
                "--tls-cert-out",
                "FILE",
                "with --tls: write the CA certificate (PEM) clients trust to FILE (default: a"
                        + " temporary file)"),
        new Option(
                "--tls-client-ca",
                "FILE",
                "with --tls: require client certificates issued by a CA in FILE (PEM; mutual TLS)"),
        new Option(
                "--tls-client-cert-out",
                "FILE",
                "with --tls: issue a client certificate into FILE (PEM) and require one (mutual"
                        + " TLS); needs --tls-client-key-out"),
        new Option(
                "--tls-client-key-out",
                "FILE",
                "with --tls-client-cert-out: write its private key (PKCS#8 PEM, mode 600) to FILE"),
        new Option(
                "--state-file",
                "FILE",
                "keys (hashes only), ledgers, usage log and clock survive restarts in FILE,"
                        + " written atomically (default: in memory)"),
        new Option("--help", "", "print this help"),
    };

    static final Map<MediaBehavior.Field, String> MEDIA_HELP =
            Map.of(
                    MediaBehavior.Field.EMBEDDINGS_LATENCY, "embeddings: delay per request",
                    MediaBehavior.Field.EMBEDDINGS_ITEM_LATENCY,
                            "embeddings: delay added per input item",
                    MediaBehavior.Field.IMAGE_LATENCY,
                            "images: delay per image (a request waits the sum over n)",
                    MediaBehavior.Field.TRANSCRIPTION_RTF,
                            "transcriptions: real-time factor; processing = audio s / F, 0 = none",
                    MediaBehavior.Field.SPEECH_TTFA, "speech: time to first audio chunk",
                    MediaBehavior.Field.SPEECH_RTF,
                            "speech: real-time factor of the 0.25 s chunks; 0 = no gaps",
                    MediaBehavior.Field.VIDEO_QUEUE, "videos: time a job stays queued (mock clock)",
                    MediaBehavior.Field.VIDEO_RENDER,
                            "videos: time in_progress per second of video (mock clock)",
                    MediaBehavior.Field.VIDEO_ACCEPT,
                            "videos: submit -> accepted answer delay (response latency)");

    private MockHelp() {}

    static String text() {
        StringBuilder out =
                new StringBuilder(
                        """
                Usage: java -jar mock-upstream.jar [options]    (or: ./tokenbench mock [options])

                An OpenAI-compatible mock upstream (POST /v1/chat/completions, /v1/completions, /v1/responses,
                GET /v1/models, and the
                embeddings, images, audio and video endpoints of ENDPOINTS.md) with latency, length and
                fault models. Prints 'listening on http://HOST:PORT' (https with --tls) when ready.

                DIST is a constant (200ms, 64) or uniform(a,b), normal(mean,sd[,min,max]),
                lognormal(median,sigma[,max]); durations need a unit: ns, us, ms, s.

                Options:
                """);
        for (Option option : OPTIONS) {
            line(out, option.name(), option.value(), option.description());
        }
        out.append(
                """

                Media latency model (ENDPOINTS.md; also PUT /admin/config {"media": {...}}, per request
                x-mock-latency-ms, x-mock-itl-ms for speech chunk gaps, x-mock-job-ms for video jobs):
                """);
        for (MediaBehavior.Field field : MediaBehavior.Field.values()) {
            line(
                    out,
                    field.option(),
                    "DIST",
                    MEDIA_HELP.get(field)
                            + " (default "
                            + MediaBehavior.DEFAULT.get(field).spec()
                            + ")");
        }
        out.append(
                """

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
