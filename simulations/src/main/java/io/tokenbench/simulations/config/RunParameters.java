package io.tokenbench.simulations.config;

import io.tokenbench.options.DurationGrammar;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run needs, validated once. Holds the NAME of the API-key environment variable,
 * never the key. {@code baseUrl} empty means "start the embedded mock". A bad combination throws an
 * {@link IllegalArgumentException} whose message starts with the option to fix ({@code --duration:
 * must be > 0, got 0}), so a command line can print it as it is and exit 2. {@code request} holds
 * secret header values ({@code --header-env}); they print redacted.
 */
public record RunParameters(
        ScenarioKind scenario,
        Optional<URI> baseUrl,
        String apiKeyEnv,
        String model,
        PromptSpec prompts,
        int maxTokens,
        boolean stream,
        LoadModel load,
        Duration duration,
        Duration warmup,
        Duration grace,
        Timeouts timeouts,
        Slo slo,
        Duration lagBudget,
        boolean pooledConnections,
        long seed,
        Path outDir,
        Optional<URI> upstreamUrl,
        List<Variant> variants,
        InjectorShare injectors,
        MediaMix mix,
        ClassSlos classSlos,
        Duration videoTimeout,
        RequestShape request,
        Transport transport,
        RunGuards guards) {

    /** How long a mixed run's video job may take before it is abandoned, when not given. */
    public static final String DEFAULT_VIDEO_TIMEOUT = "15m";

    public RunParameters {
        if (!apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "--api-key-env: '" + apiKeyEnv + "' is not an environment variable name");
        }
        if (!model.matches("[A-Za-z0-9._:/-]+")) {
            throw new IllegalArgumentException("--model: '" + model + "' is not a model id");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("--max-tokens: must be >= 1, got " + maxTokens);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(
                    "--duration: must be > 0, got " + DurationGrammar.format(duration));
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup: must be >= 0");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("--grace: must be >= 0");
        }
        Timeouts.requirePositive("--lag-budget", lagBudget);
        if (scenario == ScenarioKind.GATEWAY_OVERHEAD && upstreamUrl.isEmpty()) {
            throw new IllegalArgumentException(
                    "--upstream-url: is required by the gateway-overhead scenario");
        }
        if (scenario == ScenarioKind.MODEL_COMPARE && variants.size() < 2) {
            throw new IllegalArgumentException(
                    "--compare: is required by the model-compare scenario (two variants or more)");
        }
        if (scenario == ScenarioKind.SWEEP && !(load instanceof LoadModel.Stepped)) {
            throw new IllegalArgumentException(
                    "--load: the sweep needs steps(S/s,+I/s,xN,D) or steps(concurrency"
                            + " U,+I,xN,D), got "
                            + load.describe());
        }
        if (scenario != ScenarioKind.SWEEP && load instanceof LoadModel.UserSteps) {
            throw new IllegalArgumentException(
                    "--load: concurrency steps are for ./tokenbench sweep, got " + load.describe());
        }
        variants = List.copyOf(variants);
        Timeouts.requirePositive("--timeout-video", videoTimeout);
        if (scenario == ScenarioKind.MIXED && !load.open()) {
            throw new IllegalArgumentException(
                    "--load: the mixed scenario is open-model only, got " + load.describe());
        }
        if (scenario == ScenarioKind.NON_STREAMING && stream) {
            throw new IllegalArgumentException(
                    "--stream: the non-streaming scenario cannot stream");
        }
        if (load instanceof LoadModel.Trace && scenario == ScenarioKind.MIXED) {
            throw new IllegalArgumentException(
                    "--load: a trace replays chat requests; the mixed scenario cannot use it");
        }
        if (scenario == ScenarioKind.MIXED && request.api() != Api.CHAT) {
            throw new IllegalArgumentException(
                    "--api: the mixed scenario drives chat completions only");
        }
        if (injectors.isSplit() && scenario == ScenarioKind.SWEEP) {
            throw new IllegalArgumentException(
                    "--injector-count: the sweep runs on one injector (split a run, not a sweep)");
        }
    }

    /** Total time arrivals are scheduled: warm-up plus duration (for steps: every level). */
    public Duration injectionLength() {
        if (load instanceof LoadModel.Stepped s) {
            return s.stepDuration().multipliedBy(s.count());
        }
        return warmup.plus(duration);
    }
}
