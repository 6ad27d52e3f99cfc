package io.tokenbench.mock.cli;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.Dist;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.LoadSlowdown;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.mock.server.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./tokenbench mock}: the options of the mock upstream, parsed by picocli into a {@link
 * MockSettings} ({@link #settings()}), then started by {@link MockStart}. Create its command line
 * with {@link MockMain#commandLine}; {@link #mock()} is the running mock after a successful run.
 */
@Command(
        name = "mock",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        defaultValueProvider = MockDefaults.class,
        description = {
            "An OpenAI-compatible mock upstream (POST /v1/chat/completions, /v1/completions,"
                    + " /v1/responses, GET /v1/models, and the embeddings, images, audio and video"
                    + " endpoints of ENDPOINTS.md) with latency, length and fault models. Prints"
                    + " 'listening on http://HOST:PORT' (https with --tls) when ready.",
            "",
            "DIST is a constant (200ms, 64) or uniform(a,b), normal(mean,sd[,min,max]),"
                    + " lognormal(median,sigma[,max]). DURATION and the durations in a DIST take a"
                    + " unit: ns, us, ms, s, m, h (1h30m; 0 alone needs none). SIZE is 25MiB,"
                    + " 16KiB or bytes."
        },
        optionListHeading = "%nOptions:%n",
        footer = {
            "",
            "Exit codes: 0 running (until SIGTERM), 1 the port cannot be bound, 2 a bad option."
        })
public final class MockCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin TlsOptions tls;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "address to bind (default ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "port; 0 picks a free one (default ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description =
                    "accept KEY (repeatable). Process arguments are visible to other users:"
                            + " prefer --api-keys-env or --api-keys-file (default: only "
                            + MockConfig.DEFAULT_API_KEY
                            + ")")
    List<String> apiKeys = new ArrayList<>();

    @Option(
            names = "--api-keys-env",
            paramLabel = "NAME",
            description =
                    "accept the keys in environment variable NAME (comma or newline separated;"
                            + " repeatable)")
    List<String> apiKeyVariables = new ArrayList<>();

    @Option(
            names = "--api-keys-file",
            paramLabel = "FILE",
            description = "accept the keys in FILE (one per line, # comments; repeatable)")
    List<Path> apiKeyFiles = new ArrayList<>();

    @Option(
            names = "--exit-with-parent",
            description =
                    "exit when the process that started this one ends, however it ends (its"
                            + " standard input closes or it exits): for harnesses that spawn the"
                            + " mock (./tokenbench run passes it)")
    boolean exitWithParent;

    @Option(
            names = "--admin-token",
            paramLabel = "TOKEN",
            description = "Bearer token of /admin/* (default: generated and printed)")
    String adminToken;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "seed of every random draw (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--ttft",
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description = "time to first token (default ${DEFAULT-VALUE})")
    Dist ttft;

    @Option(
            names = "--itl",
            paramLabel = "DIST",
            converter = MockConverters.DurationDist.class,
            description = "delay between tokens (default ${DEFAULT-VALUE})")
    Dist itl;

    @Option(
            names = "--output-tokens",
            paramLabel = "DIST",
            converter = MockConverters.CountDist.class,
            description = "output tokens per choice before max_tokens (default ${DEFAULT-VALUE})")
    Dist outputTokens;

    @Option(
            names = "--tokens-per-chunk",
            paramLabel = "N",
            description = "tokens per SSE content chunk, 1..10000 (default ${DEFAULT-VALUE})")
    int tokensPerChunk;

    @Option(
            names = "--slowdown-threshold",
            paramLabel = "N",
            description = "requests in flight served at full speed (default: no slowdown)")
    Integer slowdownThreshold;

    @Option(
            names = "--slowdown-factor",
            paramLabel = "F",
            description =
                    "each request above the threshold stretches delays by F (0.01 = +1 %%;"
                            + " needs --slowdown-threshold; default ${DEFAULT-VALUE})")
    double slowdownFactor;

    @Option(
            names = "--fault",
            paramLabel = "NAME[:PARAM]=P",
            converter = MockConverters.WeightedFault.class,
            completionCandidates = MockConverters.FaultNames.class,
            description =
                    "inject fault NAME with probability P per request (repeatable;"
                            + " default none). Faults: ${COMPLETION-CANDIDATES}")
    List<FaultSettings.Weighted> faults = new ArrayList<>();

    @Option(
            names = "--catalog",
            paramLabel = "FILE",
            converter = MockConverters.Catalog.class,
            description = "model catalog JSON (default: the built-in catalog)")
    ModelCatalog catalog;

    @Option(
            names = "--max-body",
            paramLabel = "SIZE",
            converter = ByteSize.class,
            description = "largest request body, larger gets 413 (default ${DEFAULT-VALUE})")
    int maxBodyBytes;

    @Option(
            names = "--max-header",
            paramLabel = "SIZE",
            converter = ByteSize.class,
            description =
                    "largest request header block (at least 1KiB), larger gets 431"
                            + " (default ${DEFAULT-VALUE})")
    int maxHeaderBytes;

    @Option(
            names = "--shutdown-grace",
            paramLabel = "DURATION",
            description =
                    "on SIGTERM, how long streams in flight may finish (default ${DEFAULT-VALUE})")
    Duration shutdownGrace;

    @Option(
            names = "--client-timeout",
            paramLabel = "DURATION",
            description =
                    "close connections idle between requests this long"
                            + " (default ${DEFAULT-VALUE})")
    Duration clientIdleTimeout;

    @Option(
            names = "--request-deadline",
            paramLabel = "DURATION",
            description =
                    "a request's head and body must arrive within this from its first byte, else"
                            + " 408 (or close) and counted in /admin/stats"
                            + " (default ${DEFAULT-VALUE})")
    Duration requestDeadline;

    @Option(
            names = "--transport",
            paramLabel = "NAME",
            description =
                    "io_uring, epoll, nio or auto (the first available of epoll, io_uring, nio);"
                            + " a forced transport that is not available here exits 2"
                            + " (default: auto)")
    String transport;

    @Option(
            names = "--jit-nice",
            paramLabel = "N",
            description =
                    "lower the JIT compiler threads' CPU priority to nice N (1..19), so that"
                            + " compilations yield to the event loops on a shared or pinned core;"
                            + " 0 leaves them alone (default: ${DEFAULT-VALUE})")
    int jitNice = JitPriority.DEFAULT_NICE;

    @Option(
            names = "--io-threads",
            paramLabel = "N",
            description = "event loop threads, 1..1024 (default: number of CPUs)")
    Integer ioThreads;

    @Option(
            names = "--state-file",
            paramLabel = "FILE",
            description =
                    "keys (hashes only), ledgers, usage log and clock survive restarts in FILE,"
                            + " written atomically (default: in memory)")
    Path stateFile;

    @ArgGroup(
            validate = false,
            heading =
                    "%nMedia latency model (ENDPOINTS.md; also PUT /admin/config {\"media\": {...}},"
                            + " per request x-mock-latency-ms, x-mock-itl-ms for speech chunk gaps,"
                            + " x-mock-job-ms for video jobs):%n")
    MediaOptions media = new MediaOptions();

    @ArgGroup(
            validate = false,
            heading =
                    "%nPowerTokens key enforcement (keys made with POST /admin/keys; see KEYS.md)."
                            + " The same settings are changeable at run time with"
                            + " PUT /admin/enforcement (snake_case names):%n")
    ProfileOptions profile = new ProfileOptions();

    private final Function<String, String> environment;
    private Optional<MockUpstream> mock = Optional.empty();

    /** Reads {@code --api-keys-env} variables from the process environment. */
    public MockCommand() {
        this(System::getenv);
    }

    /**
     * @param environment environment lookup for {@code --api-keys-env}
     */
    MockCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        MockStart.Started started = MockStart.start(settings(), spec.commandLine());
        mock = started.mock();
        return started.exitCode();
    }

    /** True when {@code --exit-with-parent} was given. */
    boolean exitWithParent() {
        return exitWithParent;
    }

    /** The running mock once {@link #call()} started it. */
    Optional<MockUpstream> mock() {
        return mock;
    }

    /**
     * The parsed options as settings, checked by the records they end up in.
     *
     * @throws ParameterException naming the option whose value a record refused (exit 2)
     */
    MockSettings settings() {
        SingleUse.check(spec.commandLine());
        MockConfig config = MockConfig.defaults();
        config = checked("--host", config, c -> c.withHost(nonBlank(host)));
        config = checked("--port", config, c -> c.withPort(port));
        config = checked("--seed", config, c -> c.withSeed(seed));
        if (adminToken != null) {
            config = checked("--admin-token", config, c -> c.withAdminToken(nonBlank(adminToken)));
        }
        List<String> keys = new ArrayList<>();
        for (String key : apiKeys) {
            keys.add(checked("--api-key", key, MockCommand::nonBlank));
        }
        for (Path file : apiKeyFiles) {
            keys.addAll(checked("--api-keys-file", file, MockCommand::keysFromFile));
        }
        for (String variable : apiKeyVariables) {
            keys.addAll(checked("--api-keys-env", variable, this::keysFromEnvironment));
        }
        if (!keys.isEmpty()) {
            config = checked("--api-key", config, c -> c.withApiKeys(keys));
        }
        config = checked("--fault", config, c -> c.withFaults(new FaultSettings(faults)));
        if (catalog != null) {
            config = config.withCatalog(catalog);
        }
        config = checked("--max-body", config, c -> c.withMaxBodyBytes(maxBodyBytes));
        config = checked("--max-header", config, c -> c.withMaxHeaderBytes(maxHeaderBytes));
        config = checked("--shutdown-grace", config, c -> c.withShutdownGrace(shutdownGrace));
        config =
                checked(
                        "--client-timeout",
                        config,
                        c -> c.withClientIdleTimeout(clientIdleTimeout));
        config = checked("--request-deadline", config, c -> c.withRequestDeadline(requestDeadline));
        if (ioThreads != null) {
            config =
                    checked(
                            "--io-threads",
                            config,
                            c -> c.withIoThreads(inRange(ioThreads, 1, 1024)));
        }
        if (transport != null) {
            config = checked("--transport", config, c -> c.withTransport(available(transport)));
        }
        config = config.withBehavior(behavior());
        return new MockSettings(
                config,
                profile.profile(),
                Optional.ofNullable(stateFile),
                adminToken == null,
                tls.config(spec),
                checked("--jit-nice", jitNice, n -> inRange(n, 0, 19)));
    }

    private Behavior behavior() {
        Behavior behavior =
                Behavior.DEFAULT
                        .withTtft(ttft)
                        .withItl(itl)
                        .withOutputTokens(outputTokens)
                        .withMedia(media.media());
        behavior =
                checked(
                        "--tokens-per-chunk",
                        behavior,
                        b -> b.withTokensPerChunk(inRange(tokensPerChunk, 1, 10_000)));
        if (slowdownThreshold != null) {
            return checked(
                    "--slowdown-factor",
                    behavior,
                    b -> b.withSlowdown(new LoadSlowdown(slowdownThreshold, slowdownFactor)));
        }
        if (slowdownFactor != 0.0) {
            throw new ParameterException(
                    spec.commandLine(), "--slowdown-factor: needs --slowdown-threshold");
        }
        return behavior;
    }

    /** Applies {@code change}; a record's {@link IllegalArgumentException} names {@code option}. */
    /**
     * The named transport, refused when this machine cannot run it (the reason is in the message).
     */
    private static Transport available(String name) {
        Transport transport = Transport.parse(name);
        transport
                .unavailabilityCause()
                .ifPresent(
                        cause -> {
                            throw new IllegalArgumentException(
                                    name + " is not available here: " + cause);
                        });
        return transport;
    }

    private <T, R> R checked(String option, T value, Function<T, R> change) {
        try {
            return change.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
        }
    }

    private List<String> keysFromEnvironment(String variable) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "environment variable " + variable + " is not set or empty");
        }
        return keyLines(value.replace(',', '\n'));
    }

    private static List<String> keysFromFile(Path file) {
        try {
            return keyLines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** One key per line; blank lines and lines starting with # are skipped. */
    private static List<String> keyLines(String text) {
        List<String> keys =
                text.lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("holds no key");
        }
        return keys;
    }

    private static String nonBlank(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        return value;
    }

    private static int inRange(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }
}
