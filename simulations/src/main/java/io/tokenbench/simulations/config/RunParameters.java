package io.tokenbench.simulations.config;

import io.tokenbench.simulations.load.LoadModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run needs, validated once. Holds the NAME of the API-key environment variable,
 * never the key. {@code baseUrl} empty means "start the embedded mock".
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
        Duration videoTimeout) {

    public RunParameters {
        if (!apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ParameterException(
                    Parameter.API_KEY_ENV.key(),
                    "'" + apiKeyEnv + "' is not an environment variable name");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new ParameterException(
                    Parameter.DURATION.key(), "must be > 0, got " + Durations.format(duration));
        }
        if (warmup.isNegative()) {
            throw new ParameterException(Parameter.WARMUP.key(), "must be >= 0");
        }
        if (grace.isNegative()) {
            throw new ParameterException(Parameter.GRACE.key(), "must be >= 0");
        }
        Timeouts.requirePositive(Parameter.LAG_BUDGET.key(), lagBudget);
        if (scenario == ScenarioKind.GATEWAY_OVERHEAD && (upstreamUrl.isEmpty())) {
            throw new ParameterException(
                    Parameter.UPSTREAM_URL.key(), "is required by the gateway-overhead scenario");
        }
        if (scenario == ScenarioKind.SWEEP && !(load instanceof LoadModel.Steps)) {
            throw new ParameterException(
                    Parameter.LOAD.key(),
                    "the sweep needs steps(S/s,+I/s,xN,D), got " + load.describe());
        }
        variants = List.copyOf(variants);
        Timeouts.requirePositive(Parameter.TIMEOUT_VIDEO.key(), videoTimeout);
        if (scenario == ScenarioKind.MIXED && !load.open()) {
            throw new ParameterException(
                    Parameter.LOAD.key(),
                    "the mixed scenario is open-model only, got " + load.describe());
        }
        if (injectors.isSplit() && scenario == ScenarioKind.SWEEP) {
            throw new ParameterException(
                    Parameter.INJECTOR_COUNT.key(),
                    "the sweep runs on one injector (split a run, not a sweep)");
        }
    }

    /** Total time arrivals are scheduled: warm-up plus duration (for steps: every level). */
    public Duration injectionLength() {
        if (load instanceof LoadModel.Steps s) {
            return s.stepDuration().multipliedBy(s.count());
        }
        return warmup.plus(duration);
    }

    /** Parses and validates every parameter; the first bad one throws naming itself. */
    public static RunParameters from(ParameterSource src) {
        ScenarioKind scenario =
                ScenarioKind.parse(Parameter.SCENARIO.key(), src.require(Parameter.SCENARIO));
        IntDistribution inputTokens =
                IntDistribution.parse(
                        Parameter.INPUT_TOKENS.key(), src.require(Parameter.INPUT_TOKENS));
        boolean stream =
                scenario == ScenarioKind.NON_STREAMING ? false : src.bool(Parameter.STREAM);
        if (scenario == ScenarioKind.NON_STREAMING
                && src.isSet(Parameter.STREAM)
                && src.bool(Parameter.STREAM)) {
            throw new ParameterException(
                    Parameter.STREAM.key(), "the non-streaming scenario cannot stream");
        }
        Duration duration = src.duration(Parameter.DURATION);
        if (scenario == ScenarioKind.SOAK && !src.isSet(Parameter.DURATION)) {
            duration = Duration.ofMinutes(30);
        }
        InjectorShare injectors = InjectorShare.from(src);
        MediaMix mix = MediaMix.parse(src.require(Parameter.MIX));
        LoadModel load =
                scenario == ScenarioKind.MIXED
                                && !src.isSet(Parameter.RATE)
                                && !src.isSet(Parameter.CONCURRENCY)
                                && !src.isSet(Parameter.LOAD)
                        ? new LoadModel.ConstantRate(
                                mix.totalRatePerSec(), true) // the merged Poisson stream of the mix
                        : load(src, scenario);
        if (load instanceof LoadModel.Concurrency c) {
            load = new LoadModel.Concurrency(injectors.usersOf(c.users()));
        }
        return new RunParameters(
                scenario,
                src.text(Parameter.BASE_URL).map(t -> url(Parameter.BASE_URL, t)),
                injectors.keyVariable(
                        java.util.Arrays.stream(src.require(Parameter.API_KEY_ENV).split(",", -1))
                                .map(String::strip)
                                .toList()),
                model(src.require(Parameter.MODEL)),
                PromptSpec.parse(
                        Parameter.PROMPTS.key(), src.require(Parameter.PROMPTS), inputTokens),
                src.positiveInt(Parameter.MAX_TOKENS),
                stream,
                load,
                duration,
                src.duration(Parameter.WARMUP),
                src.duration(Parameter.GRACE),
                new Timeouts(
                        src.duration(Parameter.TIMEOUT_FIRST_TOKEN),
                        src.duration(Parameter.TIMEOUT_IDLE),
                        src.duration(Parameter.TIMEOUT_TOTAL)),
                new Slo(
                        src.duration(Parameter.SLO_TTFT),
                        src.duration(Parameter.SLO_TPOT),
                        src.duration(Parameter.SLO_E2E)),
                src.duration(Parameter.LAG_BUDGET),
                pooled(src.require(Parameter.CONNECTIONS)),
                src.longValue(Parameter.SEED),
                Path.of(src.require(Parameter.OUT)),
                src.text(Parameter.UPSTREAM_URL).map(t -> url(Parameter.UPSTREAM_URL, t)),
                scenario == ScenarioKind.MODEL_COMPARE
                        ? Variant.parseList(
                                Parameter.COMPARE.key(),
                                src.text(Parameter.COMPARE)
                                        .orElseThrow(
                                                () ->
                                                        new ParameterException(
                                                                Parameter.COMPARE.key(),
                                                                "is required by the model-compare scenario")))
                        : List.of(),
                injectors,
                mix,
                ClassSlos.from(src),
                src.duration(Parameter.TIMEOUT_VIDEO));
    }

    private static LoadModel load(ParameterSource src, ScenarioKind scenario) {
        int given =
                (src.isSet(Parameter.RATE) ? 1 : 0)
                        + (src.isSet(Parameter.CONCURRENCY) ? 1 : 0)
                        + (src.isSet(Parameter.LOAD) ? 1 : 0);
        if (given > 1) {
            throw new ParameterException(
                    Parameter.LOAD.key(), "give only one of --rate, --concurrency, --load");
        }
        if (src.isSet(Parameter.RATE)) {
            return new LoadModel.ConstantRate(src.positiveDouble(Parameter.RATE), true);
        }
        if (src.isSet(Parameter.CONCURRENCY)) {
            return new LoadModel.Concurrency(src.positiveInt(Parameter.CONCURRENCY));
        }
        if (!src.isSet(Parameter.LOAD)) {
            // Profiles: soak and spike are load shapes, not copies of the streaming recipe.
            switch (scenario) {
                case SPIKE:
                    return LoadModel.parse(Parameter.LOAD.key(), "spike(5/s,25/s,at=20s,for=10s)");
                case SWEEP:
                    return LoadModel.parse(Parameter.LOAD.key(), "steps(5/s,+5/s,x8,15s)");
                default:
                    break;
            }
        }
        return LoadModel.parse(Parameter.LOAD.key(), src.require(Parameter.LOAD));
    }

    private static URI url(Parameter p, String text) {
        try {
            URI uri = URI.create(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new ParameterException(p.key(), "'" + text + "' is not an http(s) URL");
            }
            if (uri.getUserInfo() != null || uri.getQuery() != null) {
                throw new ParameterException(p.key(), "must not carry credentials or a query");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            if (e instanceof ParameterException pe) {
                throw pe;
            }
            throw new ParameterException(p.key(), "'" + text + "' is not a URL");
        }
    }

    private static boolean pooled(String text) {
        return switch (text) {
            case "pooled" -> true;
            case "per-request" -> false;
            default ->
                    throw new ParameterException(
                            Parameter.CONNECTIONS.key(),
                            "'" + text + "' is not pooled or per-request");
        };
    }

    private static String model(String text) {
        if (!text.matches("[A-Za-z0-9._:/-]+")) {
            throw new ParameterException(Parameter.MODEL.key(), "'" + text + "' is not a model id");
        }
        return text;
    }
}
