package io.tokenbench.simulations.keys.cli;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything {@code keys verify} was asked to do ({@link KeysVerifyCommand} parses it), validated
 * in the compact constructor: a bad value or combination throws an {@link IllegalArgumentException}
 * whose message starts with the option to fix. Keys never pass through here: options name
 * environment variables ({@code --key-env NAME}); the values are read by {@link KeysVerifyRun}.
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
        List<String> headers,
        List<String> headersFromEnv) {

    public enum TargetKind {
        MOCK_IN_PROCESS,
        MOCK,
        LIVE
    }

    static final List<String> RESETS = List.of("none", "daily", "weekly", "monthly");
    static final List<String> ERROR_STYLES = List.of("newapi", "openai", "openrouter", "litellm");
    static final List<String> CANCEL_BILLINGS =
            List.of("tokens_emitted", "zero", "input_only", "full");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public KeysVerifyOptions {
        keyEnvs = List.copyOf(keyEnvs);
        concurrencies = List.copyOf(concurrencies);
        mockOptions = Map.copyOf(mockOptions);
        headers = List.copyOf(headers);
        headersFromEnv = List.copyOf(headersFromEnv);
        envName("--admin-token-env", adminTokenEnv);
        keyEnvs.forEach(k -> envName("--key-env", k));
        envName("--unlimited-key-env", unlimitedKeyEnv);
        oneOf("--reset", reset, RESETS);
        oneOf("--error-style", errorStyle, ERROR_STYLES);
        oneOf("--cancel-billing", cancelBilling, CANCEL_BILLINGS);
        nonBlank("--model", model);
        nonBlank("--prompt", prompt);
        range("--output-tokens", outputTokens, 100_000);
        concurrencies.forEach(c -> range("--concurrency", c, 1024));
        if (maxTokens != null) {
            range("--max-tokens", maxTokens, 100_000);
        }
        range("--limit-requests", limitRequests, 10_000);
        range("--leak-probes", leakProbes, 1000);
        if (url != null && adminTokenEnv == null && keyEnvs.isEmpty()) {
            throw new IllegalArgumentException(
                    "--url: say how to reach it: --admin-token-env NAME (a tokenbench mock) or"
                            + " --key-env NAME (a live gateway, repeatable)");
        }
        if (adminTokenEnv != null && url == null) {
            throw new IllegalArgumentException(
                    "--admin-token-env: needs --url (without --url the mock runs in-process)");
        }
        if (url != null && adminTokenEnv == null) {
            if (limitCredits == null) {
                throw new IllegalArgumentException(
                        "--limit-credits: required against a live gateway (the limit of the"
                                + " --key-env keys)");
            }
        } else if (!keyEnvs.isEmpty() || limitCredits != null || unlimitedKeyEnv != null) {
            throw new IllegalArgumentException(
                    (!keyEnvs.isEmpty()
                                    ? "--key-env"
                                    : limitCredits != null
                                            ? "--limit-credits"
                                            : "--unlimited-key-env")
                            + ": only against a live gateway: on the mock the verifier makes its"
                            + " own keys");
        }
        if ((priceIn == null) != (priceOut == null)) {
            throw new IllegalArgumentException(
                    (priceIn == null ? "--price-in" : "--price-out")
                            + ": give both --price-in and --price-out");
        }
        if (!mockOptions.isEmpty() && url != null && adminTokenEnv == null) {
            throw new IllegalArgumentException("--mock-option: only for a mock target");
        }
    }

    public TargetKind targetKind() {
        return url == null
                ? TargetKind.MOCK_IN_PROCESS
                : adminTokenEnv != null ? TargetKind.MOCK : TargetKind.LIVE;
    }

    private static void envName(String option, String name) {
        if (name != null && !ENV_NAME.matcher(name).matches()) {
            // the value is not echoed: it may be a key pasted where its variable's name belongs
            throw new IllegalArgumentException(
                    option
                            + ": expected the NAME of an environment variable (the key itself never"
                            + " goes in the command line)");
        }
    }

    private static void oneOf(String option, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(
                    option + ": expected one of " + String.join(", ", allowed) + ": " + value);
        }
    }

    private static void nonBlank(String option, String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(option + ": must not be empty");
        }
    }

    private static void range(String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(option + ": must be 1.." + max + ": " + value);
        }
    }
}
