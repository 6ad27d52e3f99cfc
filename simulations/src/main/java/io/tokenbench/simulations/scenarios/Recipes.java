package io.tokenbench.simulations.scenarios;

import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.RecorderConfig;
import io.tokenbench.reports.record.Slo;
import io.tokenbench.reports.record.Window;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.MediaPrice;
import io.tokenbench.simulations.config.Price;
import io.tokenbench.simulations.config.PromptSpec;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.ScenarioKind;
import io.tokenbench.simulations.config.Tokenizer;
import io.tokenbench.simulations.config.Variant;
import io.tokenbench.simulations.feeders.ChatBodies;
import io.tokenbench.simulations.feeders.PriceLookup;
import io.tokenbench.simulations.feeders.PromptSet;
import io.tokenbench.simulations.load.ArrivalSchedule;
import io.tokenbench.simulations.load.MixedSchedule;
import io.tokenbench.simulations.load.Pacer;
import io.tokenbench.simulations.load.ScheduleAnchor;
import io.tokenbench.simulations.media.MediaRequests;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The scenario recipes, each a few lines: which lanes, which bodies, which schedule. Streaming,
 * non-streaming, soak and spike are one lane differing only in parameters (soak and spike are load
 * shapes chosen in {@link RunParameters}); gateway-overhead sends one schedule and one body
 * sequence to the gateway and to its upstream; model-compare sends it to every variant. The
 * capacity sweep runs one plan per rate level ({@link #sweepLevel}).
 */
public final class Recipes {
    /**
     * The driver named in run.json: Gatling's engine with our chat-call action, whose timestamps
     * are {@code System.nanoTime()} per socket read (not the 1 ms {@code SseInboundMessage}
     * timestamps of Gatling's sse DSL, which the reports module flags for driver {@code gatling}).
     */
    public static final String DRIVER = "gatling-chat-call";

    private Recipes() {}

    /**
     * The plan of a run of {@code params} against {@code target} (the mock's URL when embedded).
     */
    public static RunPlan plan(
            RunParameters params,
            URI target,
            ApiKey key,
            Path lanesRoot,
            Map<String, String> extraHeaders) {
        return plan(params, target, key, lanesRoot, extraHeaders, params.scenario().key());
    }

    /** As above; a single-lane run's lane (and run folder) is named {@code laneName}. */
    public static RunPlan plan(
            RunParameters params,
            URI target,
            ApiKey key,
            Path lanesRoot,
            Map<String, String> extraHeaders,
            String laneName) {
        // one injector of several: every count-th request of the one seeded sequence
        // (InjectorShare)
        InjectorShare share = params.injectors();
        PromptSet prompts = prompts(params).share(share);
        Optional<ArrivalSchedule> schedule =
                params.load().open()
                        ? Optional.of(
                                ArrivalSchedule.of(
                                                params.load(),
                                                params.injectionLength(),
                                                params.seed())
                                        .share(share.index(), share.count()))
                        : Optional.empty();
        ScheduleAnchor anchor = new ScheduleAnchor();
        List<Lane> lanes = new ArrayList<>();
        if (params.scenario() == ScenarioKind.MIXED) {
            return mixed(params, target, key, lanesRoot, extraHeaders, laneName, prompts, anchor);
        }
        switch (params.scenario()) {
            case GATEWAY_OVERHEAD -> {
                Price price = price(target, params.model(), key, params, "gateway", extraHeaders);
                lanes.add(
                        lane(
                                "gateway",
                                target,
                                bodies(prompts, params),
                                schedule,
                                anchor,
                                params,
                                extraHeaders,
                                price));
                lanes.add(
                        lane(
                                "upstream",
                                params.upstreamUrl().orElseThrow(),
                                bodies(prompts, params),
                                schedule,
                                anchor,
                                params,
                                extraHeaders,
                                price));
            }
            case MODEL_COMPARE -> {
                for (Variant v : params.variants()) {
                    lanes.add(
                            lane(
                                    v.laneName(),
                                    target,
                                    ChatBodies.forVariant(
                                            prompts,
                                            v,
                                            params.maxTokens(),
                                            params.stream(),
                                            params.request().api(),
                                            params.request().body(),
                                            params.seed()),
                                    schedule,
                                    anchor,
                                    params,
                                    extraHeaders,
                                    price(
                                            target,
                                            v.model(),
                                            key,
                                            params,
                                            v.laneName(),
                                            extraHeaders)));
                }
            }
            default ->
                    lanes.add(
                            lane(
                                    laneName,
                                    target,
                                    bodies(prompts, params),
                                    schedule,
                                    anchor,
                                    params,
                                    extraHeaders,
                                    price(
                                            target,
                                            params.model(),
                                            key,
                                            params,
                                            laneName,
                                            extraHeaders)));
        }
        return new RunPlan(params, lanes, key, lanesRoot, maxDuration(params), anchor);
    }

    /**
     * The mixed scenario: one lane and run folder recorded per endpoint class; the merged arrival
     * stream of {@code params.load()} split by class ({@link MixedSchedule}), one pacer per class
     * on one anchor.
     */
    static RunPlan mixed(
            RunParameters params,
            URI target,
            ApiKey key,
            Path lanesRoot,
            Map<String, String> extraHeaders,
            String laneName,
            PromptSet prompts,
            ScheduleAnchor anchor) {
        ArrivalSchedule merged =
                ArrivalSchedule.of(params.load(), params.injectionLength(), params.seed());
        Map<EndpointClass, ArrivalSchedule> byClass =
                MixedSchedule.split(
                        merged,
                        params.mix(),
                        params.seed(),
                        params.injectors().index(),
                        params.injectors().count());
        Map<EndpointClass, Pacer> pacers = new EnumMap<>(EndpointClass.class);
        byClass.forEach((c, s) -> pacers.put(c, new Pacer(s, anchor)));
        Price price =
                byClass.containsKey(EndpointClass.CHAT)
                        ? price(target, params.model(), key, params, laneName, extraHeaders)
                        : Price.NONE;
        Lane lane =
                new Lane(
                        laneName,
                        target,
                        bodies(prompts, params),
                        Optional.ofNullable(pacers.get(EndpointClass.CHAT)),
                        startMillis ->
                                RunInfo.create(
                                        laneName,
                                        DRIVER,
                                        startMillis,
                                        target.toString(),
                                        reportsLoadModel(params),
                                        recorderConfig(params),
                                        RunInfoParameters.of(params, target),
                                        RunInfoParameters.versions()),
                        params.request().headers().forLane(laneName, extraHeaders),
                        price);
        MediaRequests requests = MediaRequests.defaults(prompts);
        Map<EndpointClass, MediaPrice> prices = new EnumMap<>(EndpointClass.class);
        for (EndpointClass c : byClass.keySet()) {
            if (c != EndpointClass.CHAT) {
                prices.put(c, PriceLookup.media(target, requests.model(c), key));
            }
        }
        return new RunPlan(
                params,
                List.of(lane),
                key,
                lanesRoot,
                maxDuration(params),
                anchor,
                new MixedTraffic(pacers, requests, prices));
    }

    /** The run's prompts: its --prompts, or a trace's synthetic prompts of the trace's lengths. */
    static PromptSet prompts(RunParameters params) {
        if (params.load() instanceof LoadModel.Trace t) {
            String tokenizer =
                    params.prompts() instanceof PromptSpec.Synthetic s
                            ? s.tokenizer()
                            : Tokenizer.WORDS;
            return PromptSet.trace(t.requests(), Tokenizer.of(tokenizer), params.seed());
        }
        return PromptSet.load(params.prompts(), params.seed());
    }

    /** Injection, then grace for the last requests: Gatling stops here whatever the target does. */
    public static Duration maxDuration(RunParameters params) {
        return params.injectionLength().plus(params.grace()).plusNanos(2 * Pacer.LEAD_NANOS);
    }

    /**
     * The parameters of sweep level {@code index}: a Poisson run at that level's rate (or a closed
     * run at its concurrency) for one step.
     */
    public static RunParameters sweepLevel(RunParameters sweep, int index) {
        LoadModel.Stepped steps = (LoadModel.Stepped) sweep.load();
        Duration step = steps.stepDuration();
        Duration warmup =
                sweep.warmup().compareTo(step.dividedBy(2)) < 0
                        ? sweep.warmup()
                        : step.dividedBy(4);
        return new RunParameters(
                io.tokenbench.simulations.config.ScenarioKind.STREAMING,
                sweep.baseUrl(),
                sweep.apiKeyEnv(),
                sweep.model(),
                sweep.prompts(),
                sweep.maxTokens(),
                sweep.stream(),
                steps.levelLoad(index),
                step,
                warmup,
                sweep.grace(),
                sweep.timeouts(),
                sweep.slo(),
                sweep.lagBudget(),
                sweep.pooledConnections(),
                sweep.seed() + index,
                sweep.outDir(),
                Optional.empty(),
                List.of(),
                sweep.injectors(),
                sweep.mix(),
                sweep.classSlos(),
                sweep.videoTimeout(),
                sweep.request(),
                sweep.transport(),
                sweep.guards());
    }

    /**
     * The sweep's warm-up: its first level's rate for {@code length}, no warm-up window of its own,
     * no grace beyond a second, never aborted.
     */
    public static RunParameters warmupLevel(RunParameters sweep, Duration length) {
        RunParameters first = sweepLevel(sweep, 0);
        return new RunParameters(
                first.scenario(),
                first.baseUrl(),
                first.apiKeyEnv(),
                first.model(),
                first.prompts(),
                first.maxTokens(),
                first.stream(),
                first.load(),
                length,
                Duration.ZERO,
                Duration.ofSeconds(1),
                first.timeouts(),
                first.slo(),
                first.lagBudget(),
                first.pooledConnections(),
                first.seed() + 1_000,
                first.outDir(),
                first.upstreamUrl(),
                first.variants(),
                first.injectors(),
                first.mix(),
                first.classSlos(),
                first.videoTimeout(),
                first.request(),
                first.transport(),
                new io.tokenbench.simulations.config.RunGuards(
                        first.guards().checks(), false, List.of(), 0));
    }

    /** The body sequence of {@code p}: its prompts, model, max_tokens and stream flag. */
    public static ChatBodies bodies(PromptSet prompts, RunParameters p) {
        return new ChatBodies(
                prompts,
                p.model(),
                p.maxTokens(),
                p.stream(),
                OptionalDouble.empty(),
                p.request().api(),
                p.request().body(),
                p.seed());
    }

    /** One lane: the building block every recipe above composes (tests compose their own). */
    public static Lane lane(
            String name,
            URI target,
            ChatBodies bodies,
            Optional<ArrivalSchedule> schedule,
            ScheduleAnchor anchor,
            RunParameters params,
            Map<String, String> extraHeaders,
            Price price) {
        // One Pacer per lane over the same schedule and the same anchor: identical t_sched in every
        // lane.
        Optional<Pacer> pacer = schedule.map(s -> new Pacer(s, anchor));
        return new Lane(
                name,
                target,
                bodies,
                pacer,
                startMillis ->
                        RunInfo.create(
                                name,
                                DRIVER,
                                startMillis,
                                target.toString(),
                                reportsLoadModel(params),
                                recorderConfig(params),
                                RunInfoParameters.of(params, target),
                                RunInfoParameters.versions()),
                params.request().headers().forLane(name, extraHeaders),
                price);
    }

    /** The model's price, asked with the lane's headers over the run's transport. */
    private static Price price(
            URI target,
            String model,
            ApiKey key,
            RunParameters params,
            String lane,
            Map<String, String> extraHeaders) {
        return PriceLookup.of(
                target,
                model,
                key,
                params.request().headers().forLane(lane, extraHeaders),
                params.transport());
    }

    static RecorderConfig recorderConfig(RunParameters p) {
        RecorderConfig c =
                new RecorderConfig(
                        RecorderConfig.DEFAULT_INTERVAL,
                        new Window(p.warmup(), p.duration(), p.grace()),
                        Slo.of(p.slo().ttft(), p.slo().tpot(), p.slo().e2e()));
        // mixed: recorded per endpoint class, each judged by its own SLO
        return p.scenario() == ScenarioKind.MIXED
                ? c.withClassSlos(p.classSlos().forRecorder(p.slo(), p.mix()))
                : c;
    }

    static io.tokenbench.reports.model.LoadModel reportsLoadModel(RunParameters p) {
        if (p.load() instanceof LoadModel.Concurrency c) {
            return new io.tokenbench.reports.model.LoadModel.Closed(c.users());
        }
        // the mean offered rate over the run; the shape itself (ramp, steps, spike) is in
        // run.json's "load"
        // one injector's share of a split run offers 1/count of it (merge adds the shares back up)
        // a constant rate is its own mean (averaging 1000 samples of 10.7 gives 10.700000000000072)
        double mean =
                p.load() instanceof LoadModel.ConstantRate c
                        ? c.ratePerSec()
                        : p.load().meanRatePerSec(p.injectionLength());
        return new io.tokenbench.reports.model.LoadModel.Open(mean / p.injectors().count());
    }
}
