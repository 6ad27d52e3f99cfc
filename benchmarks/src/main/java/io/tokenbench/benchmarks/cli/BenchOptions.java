package io.tokenbench.benchmarks.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code bench} command line.
 *
 * @param patterns JMH include regexps (empty: every benchmark)
 * @param preset quick or rigorous
 * @param runsRoot where the run folder is created
 * @param params {@code -p name=v1,v2} overrides of {@code @Param} values
 * @param baseUrl a live base URL (with {@code /v1}); selects {@code target=LIVE}
 * @param apiKeyEnv the environment variable holding the live key (the key itself never passes here)
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
        Optional<String> model,
        Optional<Path> importFile,
        boolean list) {

    BenchOptions {
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(runsRoot, "runsRoot");
        params = Map.copyOf(params);
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(importFile, "importFile");
        if (baseUrl.isPresent() && params.containsKey("target")) {
            throw new UsageError("--base-url selects target=LIVE; do not also pass -p target=...");
        }
    }
}
