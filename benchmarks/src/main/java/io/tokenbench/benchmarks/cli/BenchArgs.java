package io.tokenbench.benchmarks.cli;

import io.tokenbench.benchmarks.target.LiveTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Strict parsing of the {@code bench} command line into {@link BenchOptions}; errors name the
 * option.
 */
final class BenchArgs {

    static final String HELP =
            """
            usage: ./tokenbench bench [PATTERN...] [--quick] [-p NAME=V1,V2]... [--out DIR]
                                      [--base-url URL [--api-key-env NAME] [--model ID]] [--list]
                   ./tokenbench bench --import JMH_JSON [--out DIR]

            Runs the JMH benchmarks whose name matches a PATTERN (a regexp; default: all), writes JMH's
            JSON and the reports summary (summary.json, summary.md, report.html) into DIR/<UTC>-bench/,
            and prints the openai-java SDK's overhead against the lean clients when ChatBench ran.
              --quick             1 fork, 2x5s warm-up, 2x2s measurement, ChatBench on target=MOCK_ZERO only
                                  unless -p target is given (default: 2 forks, 3x5s + 5x5s, every target)
              -p NAME=V1,V2       override a @Param, e.g. -p target=MOCK_ZERO -p client=SDK,JDK
              --out DIR           runs root (default: runs)
              --base-url URL      a live OpenAI-compatible base URL with /v1: ChatBench runs with target=LIVE
              --api-key-env NAME  environment variable holding the live key (default POWERTOKENS_API_KEY)
              --model ID          model to request (default gpt-4o-mini)
              --list              list the matching benchmarks and exit
              --import FILE       import an existing JMH -rf json file instead of running
            Then: ./tokenbench compare benchmarks/baselines/quick.json DIR/<UTC>-bench/jmh.json
            exit 0 done, 1 a benchmark failed (JMH runs with -foe true), 2 bad usage
            """;

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private BenchArgs() {}

    /** The options, or empty for {@code --help}. */
    static Optional<BenchOptions> parse(String... args) {
        List<String> patterns = new ArrayList<>();
        BenchPreset preset = BenchPreset.RIGOROUS;
        Path out = Path.of("runs");
        Map<String, List<String>> params = new LinkedHashMap<>();
        Optional<String> baseUrl = Optional.empty();
        String apiKeyEnv = LiveTarget.DEFAULT_API_KEY_ENV;
        Optional<String> model = Optional.empty();
        Optional<Path> importFile = Optional.empty();
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return Optional.empty();
                }
                case "--quick" -> preset = BenchPreset.QUICK;
                case "--list" -> list = true;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--base-url" -> baseUrl = Optional.of(url(value(args, ++i, arg)));
                case "--api-key-env" -> apiKeyEnv = envName(value(args, ++i, arg));
                case "--model" -> model = Optional.of(nonBlank(value(args, ++i, arg), arg));
                case "--import" -> importFile = Optional.of(Path.of(value(args, ++i, arg)));
                case "-p" -> {
                    String spec = value(args, ++i, arg);
                    int eq = spec.indexOf('=');
                    String name = eq < 0 ? "" : spec.substring(0, eq);
                    List<String> values =
                            eq < 0 ? List.of() : List.of(spec.substring(eq + 1).split(",", -1));
                    if (!PARAM_NAME.matcher(name).matches()
                            || values.stream().anyMatch(String::isBlank)) {
                        throw new UsageError(
                                "-p expects NAME=V1,V2 (e.g. -p tokens=16,128), got '"
                                        + spec
                                        + "'");
                    }
                    if (params.put(name, values) != null) {
                        throw new UsageError("-p " + name + " given twice");
                    }
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageError("unknown option '" + arg + "' (see --help)");
                    }
                    try {
                        Pattern.compile(arg);
                    } catch (PatternSyntaxException e) {
                        throw new UsageError(
                                "PATTERN '"
                                        + arg
                                        + "' is not a regular expression: "
                                        + e.getDescription());
                    }
                    patterns.add(arg);
                }
            }
        }
        if (importFile.isPresent()
                && (!patterns.isEmpty() || baseUrl.isPresent() || !params.isEmpty() || list)) {
            throw new UsageError("--import takes no PATTERN, -p, --base-url or --list");
        }
        return Optional.of(
                new BenchOptions(
                        patterns,
                        preset,
                        out,
                        params,
                        baseUrl,
                        apiKeyEnv,
                        model,
                        importFile,
                        list));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageError(option + " needs a value");
        }
        return args[i];
    }

    private static String nonBlank(String value, String option) {
        if (value.isBlank()) {
            throw new UsageError(option + " must not be blank");
        }
        return value;
    }

    private static String url(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new UsageError(
                        "--base-url must be an http(s) URL with a host, got '" + value + "'");
            }
            return value;
        } catch (URISyntaxException e) {
            throw new UsageError("--base-url is not a URL: " + e.getMessage());
        }
    }

    private static String envName(String value) {
        if (!value.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new UsageError(
                    "--api-key-env must be an environment variable name, got '" + value + "'");
        }
        return value;
    }
}
