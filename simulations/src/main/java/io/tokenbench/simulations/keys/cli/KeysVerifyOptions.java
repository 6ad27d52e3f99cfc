package io.tokenbench.simulations.keys.cli;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything {@code keys verify} was asked to do, parsed strictly. Keys never pass through here:
 * options name environment variables ({@code --key-env NAME}); the values are read by {@link
 * KeysVerifyRun}.
 *
 * @param url the target; null = start the mock in-process
 * @param adminTokenEnv the target is a mock whose admin token is in this environment variable
 * @param keyEnvs live gateway: the variables holding the user's keys, one per matrix cell
 * @param limitCredits live gateway: the keys' limit per period
 * @param reset live gateway: the keys' reset type (none, daily, weekly, monthly)
 * @param unlimitedKeyEnv live gateway: a variable holding an unlimited key (false rejections,
 *     cancel billing)
 * @param model null = the mode's default (MiniMax-M3 on the mock; live: the cheapest billed chat
 *     model)
 * @param priceIn Credits per 1M input tokens; null = read from /v1/models/{model}
 * @param maxTokens null = the mode's default (200 on the mock, 16 live)
 * @param mockOptions enforcement switches sent to the mock (PUT /admin/enforcement), name to value
 */
public record KeysVerifyOptions(
        URI url,
        String adminTokenEnv,
        List<String> keyEnvs,
        BigDecimal limitCredits,
        String reset,
        String unlimitedKeyEnv,
        String model,
        BigDecimal priceIn,
        BigDecimal priceOut,
        String prompt,
        int outputTokens,
        List<Integer> concurrencies,
        Integer maxTokens,
        int limitRequests,
        int leakProbes,
        Duration settleTimeout,
        Duration requestTimeout,
        String errorStyle,
        String cancelBilling,
        boolean waitForReset,
        Map<String, String> mockOptions,
        Path runsDir,
        boolean help) {

    public enum TargetKind {
        MOCK_IN_PROCESS,
        MOCK,
        LIVE
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public KeysVerifyOptions {
        keyEnvs = List.copyOf(keyEnvs);
        concurrencies = List.copyOf(concurrencies);
        mockOptions = Map.copyOf(mockOptions);
    }

    public TargetKind targetKind() {
        return url == null
                ? TargetKind.MOCK_IN_PROCESS
                : adminTokenEnv != null ? TargetKind.MOCK : TargetKind.LIVE;
    }

    public static KeysVerifyOptions parse(String... args) {
        URI url = null;
        String adminTokenEnv = null;
        List<String> keyEnvs = new ArrayList<>();
        BigDecimal limit = null;
        String reset = "none";
        String unlimitedEnv = null;
        String model = null;
        BigDecimal priceIn = null;
        BigDecimal priceOut = null;
        String prompt = "Reply with one word.";
        int outputTokens = 200;
        List<Integer> concurrencies = List.of(1, 4, 16, 64);
        Integer maxTokens = null;
        int limitRequests = 8;
        int leakProbes = 3;
        Duration settle = Duration.ofSeconds(5);
        Duration requestTimeout = Duration.ofSeconds(60);
        String errorStyle = "newapi";
        String cancelBilling = "tokens_emitted";
        boolean waitForReset = false;
        Map<String, String> mockOptions = new LinkedHashMap<>();
        Path runs = Path.of("runs");
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (opt.equals("--help") || opt.equals("-h")) {
                help = true;
                continue;
            }
            if (opt.equals("--wait-for-reset")) {
                waitForReset = true;
                continue;
            }
            if (!opt.startsWith("--")) {
                throw new OptionException(
                        opt, "unexpected argument (options start with --; see --help)");
            }
            if (i + 1 >= args.length) {
                throw new OptionException(opt, "needs a value");
            }
            String v = args[++i];
            switch (opt) {
                case "--url" -> url = url(opt, v);
                case "--admin-token-env" -> adminTokenEnv = envName(opt, v);
                case "--key-env" -> keyEnvs.add(envName(opt, v));
                case "--limit-credits" -> limit = decimal(opt, v);
                case "--reset" -> reset = oneOf(opt, v, "none", "daily", "weekly", "monthly");
                case "--unlimited-key-env" -> unlimitedEnv = envName(opt, v);
                case "--model" -> model = nonBlank(opt, v);
                case "--price-in" -> priceIn = decimal(opt, v);
                case "--price-out" -> priceOut = decimal(opt, v);
                case "--prompt" -> prompt = nonBlank(opt, v);
                case "--output-tokens" -> outputTokens = positive(opt, v, 100_000);
                case "--concurrency" -> concurrencies = intList(opt, v);
                case "--max-tokens" -> maxTokens = positive(opt, v, 100_000);
                case "--limit-requests" -> limitRequests = positive(opt, v, 10_000);
                case "--leak-probes" -> leakProbes = positive(opt, v, 1000);
                case "--settle-timeout" -> settle = duration(opt, v);
                case "--request-timeout" -> requestTimeout = duration(opt, v);
                case "--error-style" ->
                        errorStyle = oneOf(opt, v, "newapi", "openai", "openrouter", "litellm");
                case "--cancel-billing" ->
                        cancelBilling =
                                oneOf(opt, v, "tokens_emitted", "zero", "input_only", "full");
                case "--mock-option" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0 || eq == v.length() - 1) {
                        throw new OptionException(
                                opt, "expected NAME=VALUE (e.g. concurrency=atomic): " + v);
                    }
                    mockOptions.put(v.substring(0, eq).replace('-', '_'), v.substring(eq + 1));
                }
                case "--runs" -> runs = Path.of(nonBlank(opt, v));
                default -> throw new OptionException(opt, "unknown option (see --help)");
            }
        }
        if (!help) {
            if (url != null && adminTokenEnv == null && keyEnvs.isEmpty()) {
                throw new OptionException(
                        "--url",
                        "say how to reach it: --admin-token-env NAME (a tokenbench mock) or "
                                + "--key-env NAME (a live gateway, repeatable)");
            }
            if (adminTokenEnv != null && url == null) {
                throw new OptionException(
                        "--admin-token-env",
                        "needs --url (without --url the mock runs in-process)");
            }
            if (url != null && adminTokenEnv == null) {
                if (limit == null) {
                    throw new OptionException(
                            "--limit-credits",
                            "required against a live gateway (the limit of the --key-env keys)");
                }
            } else if (!keyEnvs.isEmpty() || limit != null || unlimitedEnv != null) {
                throw new OptionException(
                        !keyEnvs.isEmpty()
                                ? "--key-env"
                                : limit != null ? "--limit-credits" : "--unlimited-key-env",
                        "only against a live gateway: on the mock the verifier makes its own keys");
            }
            if ((priceIn == null) != (priceOut == null)) {
                throw new OptionException(
                        priceIn == null ? "--price-in" : "--price-out",
                        "give both --price-in and --price-out");
            }
            if (!mockOptions.isEmpty() && url != null && adminTokenEnv == null) {
                throw new OptionException("--mock-option", "only for a mock target");
            }
        }
        return new KeysVerifyOptions(
                url,
                adminTokenEnv,
                keyEnvs,
                limit,
                reset,
                unlimitedEnv,
                model,
                priceIn,
                priceOut,
                prompt,
                outputTokens,
                concurrencies,
                maxTokens,
                limitRequests,
                leakProbes,
                settle,
                requestTimeout,
                errorStyle,
                cancelBilling,
                waitForReset,
                mockOptions,
                runs,
                help);
    }

    private static URI url(String opt, String v) {
        try {
            URI u = URI.create(v);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                    || u.getHost() == null) {
                throw new OptionException(
                        opt, "expected an http(s) URL such as http://127.0.0.1:8080");
            }
            if (u.getUserInfo() != null || (u.getQuery() != null)) {
                throw new OptionException(
                        opt,
                        "no credentials or query in the URL: keys come from environment variables");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new OptionException(opt, "not a URL");
        }
    }

    private static String envName(String opt, String v) {
        if (!ENV_NAME.matcher(v).matches()) {
            throw new OptionException(
                    opt,
                    "expected the NAME of an environment variable (the key itself never goes in "
                            + "the command line)");
        }
        return v;
    }

    private static BigDecimal decimal(String opt, String v) {
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) {
                throw new OptionException(opt, "must be >= 0: " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new OptionException(opt, "not a number: " + v);
        }
    }

    private static int positive(String opt, String v, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > max) {
                throw new OptionException(opt, "must be 1.." + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new OptionException(opt, "not an integer: " + v);
        }
    }

    private static List<Integer> intList(String opt, String v) {
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            out.add(positive(opt, part.strip(), 1024));
        }
        return out;
    }

    private static Duration duration(String opt, String v) {
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new OptionException(opt, "expected a duration such as 500ms, 5s or 2m: " + v);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }

    private static String oneOf(String opt, String v, String... allowed) {
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new OptionException(opt, "expected one of " + String.join(", ", allowed) + ": " + v);
    }

    private static String nonBlank(String opt, String v) {
        if (v.isBlank()) {
            throw new OptionException(opt, "must not be empty");
        }
        return v;
    }
}
