package io.tokenbench.mock.cli;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.behavior.LoadSlowdown;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.enforcement.EnforcementOptions;
import io.tokenbench.mock.enforcement.EnforcementProfile;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.tls.TlsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses the mock's command line into a {@link MockConfig}, strictly: every bad value is an {@link
 * OptionError} naming the option. Options take {@code --name value} or {@code --name=value}.
 */
final class MockOptions {

    /**
     * Result of parsing: the config, whether help was asked for, whether the admin token was
     * generated, the key-enforcement profile, the {@code --state-file} and the TLS settings ({@code
     * --tls}).
     */
    record Parsed(
            MockConfig config,
            boolean help,
            boolean generatedAdminToken,
            EnforcementProfile profile,
            Optional<Path> stateFile,
            Optional<TlsConfig> tls) {}

    private final Function<String, String> env;

    /**
     * @param env environment lookup (for {@code --api-keys-env})
     */
    MockOptions(Function<String, String> env) {
        this.env = env;
    }

    Parsed parse(String[] args) throws OptionError {
        MockConfig config = MockConfig.defaults();
        Behavior behavior = config.behavior();
        List<String> apiKeys = new ArrayList<>();
        List<FaultSettings.Weighted> faults = new ArrayList<>();
        Integer slowdownThreshold = null;
        double slowdownFactor = 0.0;
        boolean adminTokenGiven = false;
        EnforcementProfile profile = EnforcementProfile.DEFAULTS;
        Optional<Path> stateFile = Optional.empty();
        boolean tls = false;
        TlsFiles tlsFiles = new TlsFiles();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Parsed(config, true, false, profile, stateFile, Optional.empty());
            }
            if (arg.equals("--tls")) {
                tls = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new OptionError(
                        arg, "unexpected argument (options start with --; see --help)");
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new OptionError(
                            name, known(name) ? "needs a value" : "unknown option (see --help)");
                }
                value = args[++i];
            }
            try {
                switch (name) {
                    case "--host" -> config = config.withHost(nonBlank(value));
                    case "--port" -> config = config.withPort(integer(value, 0, 65535));
                    case "--api-key" -> apiKeys.add(nonBlank(value));
                    case "--api-keys-file" -> apiKeys.addAll(keysFromFile(Path.of(value)));
                    case "--api-keys-env" -> apiKeys.addAll(keysFromEnv(value));
                    case "--admin-token" -> {
                        config = config.withAdminToken(nonBlank(value));
                        adminTokenGiven = true;
                    }
                    case "--seed" -> config = config.withSeed(Long.parseLong(value));
                    case "--ttft" -> behavior = behavior.withTtft(DistParser.durations(value));
                    case "--itl" -> behavior = behavior.withItl(DistParser.durations(value));
                    case "--output-tokens" ->
                            behavior = behavior.withOutputTokens(DistParser.counts(value));
                    case "--tokens-per-chunk" ->
                            behavior = behavior.withTokensPerChunk(integer(value, 1, 10_000));
                    case "--slowdown-threshold" ->
                            slowdownThreshold = integer(value, 0, Integer.MAX_VALUE);
                    case "--slowdown-factor" -> slowdownFactor = Double.parseDouble(value);
                    case "--fault" -> faults.add(fault(value));
                    case "--catalog" ->
                            config = config.withCatalog(ModelCatalog.fromFile(Path.of(value)));
                    case "--max-body" -> config = config.withMaxBodyBytes(ByteSize.parse(value));
                    case "--max-header" ->
                            config = config.withMaxHeaderBytes(ByteSize.parse(value));
                    case "--shutdown-grace" -> config = config.withShutdownGrace(duration(value));
                    case "--client-timeout" ->
                            config = config.withClientIdleTimeout(duration(value));
                    case "--io-threads" -> config = config.withIoThreads(integer(value, 1, 1024));
                    case "--state-file" -> stateFile = Optional.of(Path.of(nonBlank(value)));
                    case "--tls-cert-out" -> tlsFiles.caCertOut = Path.of(nonBlank(value));
                    case "--tls-client-ca" -> tlsFiles.clientCa = Path.of(nonBlank(value));
                    case "--tls-client-cert-out" ->
                            tlsFiles.clientCertOut = Path.of(nonBlank(value));
                    case "--tls-client-key-out" -> tlsFiles.clientKeyOut = Path.of(nonBlank(value));
                    default -> {
                        Optional<MediaBehavior.Field> media = MediaBehavior.Field.byOption(name);
                        if (media.isPresent()) {
                            behavior =
                                    behavior.withMedia(
                                            behavior.media()
                                                    .with(media.get(), media.get().parse(value)));
                            continue;
                        }
                        if (!EnforcementOptions.isOption(name)) {
                            throw new OptionError(name, "unknown option (see --help)");
                        }
                        profile = EnforcementOptions.withOption(profile, name, value);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new OptionError(name, "bad value '" + value + "': " + e.getMessage());
            }
        }
        try {
            if (slowdownThreshold != null) {
                behavior =
                        behavior.withSlowdown(new LoadSlowdown(slowdownThreshold, slowdownFactor));
            } else if (slowdownFactor != 0.0) {
                throw new OptionError("--slowdown-factor", "needs --slowdown-threshold");
            }
            config = config.withBehavior(behavior);
        } catch (IllegalArgumentException e) {
            throw new OptionError("--slowdown-factor", e.getMessage());
        }
        try {
            config = config.withFaults(new FaultSettings(faults));
        } catch (IllegalArgumentException e) {
            throw new OptionError("--fault", e.getMessage());
        }
        if (!apiKeys.isEmpty()) {
            config = config.withApiKeys(apiKeys);
        }
        return new Parsed(
                config, false, !adminTokenGiven, profile, stateFile, tlsFiles.config(tls));
    }

    /** The {@code --tls-*} files as given; checked together once all options are read. */
    private static final class TlsFiles {
        Path caCertOut;
        Path clientCa;
        Path clientCertOut;
        Path clientKeyOut;

        Optional<TlsConfig> config(boolean tls) throws OptionError {
            if (!tls) {
                String given =
                        caCertOut != null
                                ? "--tls-cert-out"
                                : clientCa != null
                                        ? "--tls-client-ca"
                                        : clientCertOut != null
                                                ? "--tls-client-cert-out"
                                                : clientKeyOut != null
                                                        ? "--tls-client-key-out"
                                                        : null;
                if (given != null) {
                    throw new OptionError(given, "applies only with --tls");
                }
                return Optional.empty();
            }
            if ((clientCertOut == null) != (clientKeyOut == null)) {
                throw new OptionError(
                        clientCertOut == null ? "--tls-client-key-out" : "--tls-client-cert-out",
                        "--tls-client-cert-out and --tls-client-key-out go together");
            }
            return Optional.of(
                    new TlsConfig(
                            Optional.ofNullable(caCertOut),
                            Optional.ofNullable(clientCa),
                            Optional.ofNullable(clientCertOut),
                            Optional.ofNullable(clientKeyOut)));
        }
    }

    private static boolean known(String name) {
        return Arrays.stream(MockHelp.OPTIONS).anyMatch(o -> o.name().equals(name))
                || EnforcementOptions.isOption(name)
                || MediaBehavior.Field.byOption(name).isPresent();
    }

    private static FaultSettings.Weighted fault(String value) {
        int eq = value.lastIndexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException(
                    "expected NAME[:PARAM]=PROBABILITY, e.g. http_429=0.05");
        }
        return new FaultSettings.Weighted(
                FaultSpec.parse(value.substring(0, eq)),
                Double.parseDouble(value.substring(eq + 1)));
    }

    private List<String> keysFromEnv(String variable) {
        String value = env.apply(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable is not set or empty");
        }
        return split(value.replace(',', '\n'));
    }

    private static List<String> keysFromFile(Path file) {
        try {
            return split(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** One key per line; blank lines and lines starting with # are skipped. */
    private static List<String> split(String text) {
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

    private static int integer(String value, int min, int max) {
        int parsed = Integer.parseInt(value);
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("must be in [" + min + ", " + max + "]");
        }
        return parsed;
    }

    private static Duration duration(String value) {
        return Duration.ofNanos(DistParser.durationNanos(value));
    }

    /** Sizes such as {@code 25MiB}, {@code 16KiB}, {@code 1048576}. */
    static final class ByteSize {
        private static final Map<String, Long> UNITS =
                Map.of(
                        "",
                        1L,
                        "b",
                        1L,
                        "kib",
                        1024L,
                        "kb",
                        1000L,
                        "mib",
                        1024L * 1024,
                        "mb",
                        1_000_000L,
                        "gib",
                        1024L * 1024 * 1024);

        private ByteSize() {}

        static int parse(String text) {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            int split = 0;
            while (split < lower.length() && Character.isDigit(lower.charAt(split))) {
                split++;
            }
            Long unit = UNITS.get(lower.substring(split));
            if (split == 0 || unit == null) {
                throw new IllegalArgumentException(
                        "expected a size such as 25MiB, 16KiB or 1048576");
            }
            long bytes = Long.parseLong(lower.substring(0, split)) * unit;
            if (bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("at most 2 GiB");
            }
            return (int) bytes;
        }
    }
}
