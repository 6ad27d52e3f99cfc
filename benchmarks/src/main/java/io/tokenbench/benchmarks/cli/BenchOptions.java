package io.tokenbench.benchmarks.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed {@code bench} command line. The constructor validates; its {@link
 * IllegalArgumentException} names the option and {@link BenchCommand} turns it into exit 2.
 *
 * @param patterns JMH include regexps (empty: every benchmark)
 * @param preset quick or rigorous
 * @param runsRoot where the run folder is created
 * @param params {@code -p name=v1,v2} overrides of {@code @Param} values
 * @param baseUrl a live base URL (with {@code /v1}); selects {@code target=LIVE}
 * @param apiKeyEnv the environment variable holding the live key (the key itself never passes here)
 * @param headers {@code --header 'Name: value'} values, as given
 * @param headerEnv {@code --header-env 'Name=ENV_VAR'} values, as given (names only: each JMH fork
 *     reads the variables itself)
 * @param model the model to request, when given
 * @param importFile an existing JMH JSON file to import instead of running
 * @param list only list the matching benchmarks
 */
record BenchOptions(
        List<String> patterns,
        BenchPreset preset,
        Path runsRoot,
        Map<String, List<String>> params,
        Optional<String> baseUrl,
        String apiKeyEnv,
        List<String> headers,
        List<String> headerEnv,
        Optional<String> model,
        Optional<Path> importFile,
        boolean list) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    BenchOptions {
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(runsRoot, "runsRoot");
        params = Map.copyOf(params);
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        headers = List.copyOf(headers);
        headerEnv = List.copyOf(headerEnv);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(importFile, "importFile");
        baseUrl.ifPresent(BenchOptions::requireHttpUrl);
        if (!NAME.matcher(apiKeyEnv).matches()) {
            throw new IllegalArgumentException(
                    "--api-key-env must be an environment variable name, got '" + apiKeyEnv + "'");
        }
        if (model.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("--model must not be blank");
        }
        if (baseUrl.isPresent() && params.containsKey("target")) {
            throw new IllegalArgumentException(
                    "--base-url selects target=LIVE; do not also pass -p target=...");
        }
    }

    private static void requireHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(
                        "--base-url must be an http(s) URL with a host, got '" + value + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--base-url is not a URL: " + e.getMessage(), e);
        }
    }
}
