package io.tokenbench.simulations.cli.options;

import io.tokenbench.options.Commands;
import io.tokenbench.reports.gate.RunChecks;
import io.tokenbench.simulations.config.AbortRule;
import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.IntDistribution;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.PromptSpec;
import io.tokenbench.simulations.config.RequestShape;
import io.tokenbench.simulations.config.RunGuards;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.ScenarioKind;
import io.tokenbench.simulations.config.Slo;
import io.tokenbench.simulations.config.Timeouts;
import io.tokenbench.simulations.config.Tokenizer;
import io.tokenbench.simulations.config.Transport;
import io.tokenbench.simulations.config.Variant;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every load command takes ({@code run}, {@code sweep}, {@code calibrate}): what is
 * sent, the time limits, the SLOs, where the run folder goes. Options added here appear in all
 * three commands; {@link #parameters} is the one place they become {@link RunParameters}.
 */
public final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--api-key-env",
            paramLabel = "NAME[,NAME...]",
            defaultValue = "POWERTOKENS_API_KEY",
            description =
                    "environment variable holding the API key (never the key itself); with several"
                            + " injectors NAME0,NAME1,...: injector i reads the i-th")
    private String apiKeyEnv;

    @Option(
            names = "--model",
            paramLabel = "ID",
            defaultValue = "MiniMax-M3",
            description = "model id sent in every request")
    private String model;

    @Option(
            names = "--prompts",
            paramLabel = "SOURCE",
            defaultValue = "bundled",
            description =
                    "bundled | file:PATH (one prompt per line) | messages:PATH (JSONL: a messages"
                            + " array, or {\"messages\":[...],\"max_tokens\":N}, per line) |"
                            + " sharegpt:PATH (ShareGPT JSON: first turn, second turn's length as"
                            + " max tokens) | synthetic")
    private String prompts;

    @Option(
            names = "--think-time",
            paramLabel = "DURATION",
            defaultValue = "0s",
            description =
                    "--prompts sessions:PATH: pause between an answer and the session's next turn")
    private Duration thinkTime;

    @Option(
            names = "--prefix-tokens",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "--prompts synthetic: a shared system prompt of N tokens before the prompt of"
                            + " --prefix-share of the requests (prefix caching)")
    private int prefixTokens;

    @Option(
            names = "--prefix-share",
            paramLabel = "FRACTION",
            defaultValue = "1.0",
            description = "--prompts synthetic: the share of requests that carry the prefix")
    private double prefixShare;

    @Option(
            names = "--tokenizer",
            paramLabel = "NAME",
            defaultValue = "words",
            description =
                    "counts synthetic prompt lengths and ShareGPT output lengths: words (the"
                            + " mock's rule) | a tiktoken encoding (cl100k_base, o200k_base, ...) or"
                            + " OpenAI model name (gpt-4o), counted offline by jtokkit")
    private String tokenizer;

    @Mixin private RequestOptions request;
    @Mixin private TransportOptions transport;

    @Option(
            names = "--input-tokens",
            paramLabel = "DIST",
            defaultValue = "uniform(64,512)",
            converter = Converters.Distribution.class,
            description =
                    "--prompts synthetic: prompt length in tokens: N | uniform(a,b) | normal(mean,sd)")
    private IntDistribution inputTokens;

    @Option(
            names = "--max-tokens",
            paramLabel = "N",
            defaultValue = "128",
            description = "max_tokens sent in every request")
    private int maxTokens;

    @Option(
            names = "--stream",
            paramLabel = "BOOL",
            arity = "1",
            converter = Converters.Switch.class,
            description =
                    "true: SSE streaming; false: one JSON response.%n"
                            + "  Default: true (non-streaming: false)")
    private Boolean stream;

    @Option(
            names = "--warmup",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description = "load before the measured window; recorded, excluded from the summary")
    private Duration warmup;

    @Option(
            names = "--grace",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "after the last arrival, how long requests in flight may finish")
    private Duration grace;

    @Option(
            names = "--timeout-first-token",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "send to first output token")
    private Duration timeoutFirstToken;

    @Option(
            names = "--timeout-idle",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "longest silence between two stream events")
    private Duration timeoutIdle;

    @Option(
            names = "--timeout-total",
            paramLabel = "DURATION",
            defaultValue = "120s",
            description = "send to end of response")
    private Duration timeoutTotal;

    @Option(
            names = "--slo-ttft",
            paramLabel = "DURATION",
            defaultValue = "2s",
            description = "goodput SLO on ttft_sched (open model) or ttft (closed)")
    private Duration sloTtft;

    @Option(
            names = "--slo-tpot",
            paramLabel = "DURATION",
            defaultValue = "100ms",
            description = "goodput SLO on tpot")
    private Duration sloTpot;

    @Option(
            names = "--slo-e2e",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "goodput SLO on e2e_sched")
    private Duration sloE2e;

    @Option(
            names = "--lag-budget",
            paramLabel = "DURATION",
            defaultValue = "5ms",
            description = "dispatch-lag p99 above this marks the run invalid")
    private Duration lagBudget;

    @Option(
            names = "--connections",
            paramLabel = "MODE",
            arity = "1",
            defaultValue = "pooled",
            converter = Converters.Connections.class,
            description =
                    "pooled: keep-alive connections shared by all users (like an SDK client; a"
                            + " request whose connection dies after it was written is never re-sent:"
                            + " connection_lost) | per-request: a new connection per request")
    private Converters.ConnectionMode connections;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "seed of the arrival schedule, prompt choice and synthetic lengths")
    private long seed;

    @Option(
            names = "--check",
            paramLabel = "RULE",
            description =
                    "a check of the run's verdict (repeatable; the gate rule language, absolute"
                            + " limits): 'ttft_sched.p99 <= 800ms', 'error_rate <= 0.1%%',"
                            + " 'images.error_rate <= 1%%'. A rule on the figure of a default"
                            + " (error_rate <= 1%%, requests.successful >= 1) replaces it; others"
                            + " are added. Exit 0 pass, 1 a check failed or the run is invalid, 2"
                            + " could not run")
    private List<String> checks = new ArrayList<>();

    @Option(
            names = "--abort-on",
            paramLabel = "RULE",
            description =
                    "stop the load early (exit 1, complete run folder) when 'error_rate >= P%% after"
                            + " N' (or '>') holds over the requests finished so far (repeatable);"
                            + " 'none': never.%n  Default: error_rate >= 100%% after 100")
    private List<String> abortOn = new ArrayList<>();

    @Option(
            names = "--no-preflight",
            description =
                    "skip the one request sent before the load (it stops the command with exit 2"
                            + " when the target refuses the connection, TLS or the key, answers"
                            + " 4xx, or does not answer like an OpenAI API)")
    private boolean noPreflight;

    @Option(
            names = "--retries",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "re-send a chat request that failed (429, 408, 409, 5xx, connection failed or"
                            + " lost, no first token in time) up to N times, with the SDKs'"
                            + " backoff (0.5 s doubling to 8 s, jitter; Retry-After honoured);"
                            + " only the last attempt is recorded, with its count of re-sends")
    private int retries;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "folder in which the run folder is created")
    private Path out;

    /**
     * Rejects the options of this group that do not apply to {@code scenario}: {@code
     * --input-tokens} without synthetic prompts, {@code --model} in a model comparison (each
     * variant names its model).
     */
    public void rejectInapplicable(ScenarioKind scenario) {
        Commands.rejectUnless(
                spec,
                prompts.equals("synthetic"),
                "applies only to --prompts synthetic",
                "--input-tokens",
                "--prefix-tokens",
                "--prefix-share");
        Commands.rejectUnless(
                spec,
                prompts.startsWith("sessions:"),
                "applies only to --prompts sessions:PATH",
                "--think-time");
        Commands.rejectUnless(
                spec,
                prompts.equals("synthetic") || prompts.startsWith("sharegpt:"),
                "applies only to --prompts synthetic or sharegpt:PATH",
                "--tokenizer");
        Commands.rejectUnless(
                spec,
                !request.outputTokensGiven(),
                "--output-tokens replaces it (give one of them)",
                "--max-tokens");
        Commands.rejectUnless(
                spec,
                scenario != ScenarioKind.MODEL_COMPARE,
                "does not apply to --scenario model-compare (each variant of --compare names its"
                        + " model)",
                "--model");
    }

    /**
     * The run's parameters from these options and the command's own choices.
     *
     * @throws IllegalArgumentException naming the option when a value or a combination is invalid
     */
    public RunParameters parameters(
            ScenarioKind scenario,
            Optional<URI> baseUrl,
            LoadModel load,
            Duration duration,
            InjectorShare injectors,
            ScenarioSettings settings,
            Map<String, String> env) {
        PromptSpec promptSpec;
        try {
            promptSpec = PromptSpec.parse(prompts, inputTokens);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--prompts: " + e.getMessage(), e);
        }
        try {
            Tokenizer.of(tokenizer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tokenizer: " + e.getMessage(), e);
        }
        if (promptSpec instanceof PromptSpec.Synthetic s) {
            promptSpec =
                    new PromptSpec.Synthetic(s.inputTokens(), prefixTokens, prefixShare, tokenizer);
        } else if (promptSpec instanceof PromptSpec.Sessions m) {
            promptSpec = new PromptSpec.Sessions(m.file(), thinkTime);
        } else if (promptSpec instanceof PromptSpec.ShareGpt g) {
            promptSpec = new PromptSpec.ShareGpt(g.file(), tokenizer);
        }
        List<String> lanes =
                switch (scenario) {
                    case GATEWAY_OVERHEAD -> List.of("gateway", "upstream");
                    case MODEL_COMPARE ->
                            settings.variants().stream().map(Variant::laneName).toList();
                    default -> List.of();
                };
        RequestShape requestShape = request.shape(env, lanes);
        Duration warmupLength = warmup;
        if (load instanceof LoadModel.Trace trace) {
            // a trace sets the run's length: the warm-up is its first part (none unless asked)
            warmupLength = Commands.given(spec, "--warmup") ? warmup : Duration.ZERO;
            if (!Commands.given(spec, "--duration")) {
                duration = trace.length().minus(warmupLength);
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException(
                            "--warmup: longer than the trace ("
                                    + io.tokenbench.options.DurationGrammar.format(trace.length())
                                    + ")");
                }
            }
        }
        Transport transportSettings = transport.transport(env, baseUrl);
        return new RunParameters(
                scenario,
                baseUrl,
                injectors.keyVariable(
                        Arrays.stream(apiKeyEnv.split(",", -1)).map(String::strip).toList()),
                model,
                promptSpec,
                maxTokens,
                stream == null ? scenario != ScenarioKind.NON_STREAMING : stream,
                load,
                duration,
                warmupLength,
                grace,
                new Timeouts(timeoutFirstToken, timeoutIdle, timeoutTotal),
                new Slo(sloTtft, sloTpot, sloE2e),
                lagBudget,
                connections == Converters.ConnectionMode.POOLED,
                seed,
                out,
                settings.upstreamUrl(),
                settings.variants(),
                injectors,
                settings.mix(),
                settings.classSlos(),
                settings.videoTimeout(),
                requestShape,
                transportSettings,
                guards());
    }

    /**
     * The verdict's checks, the pre-flight, the abort rules and the retries.
     *
     * @throws IllegalArgumentException naming the option
     */
    private RunGuards guards() {
        RunChecks runChecks;
        try {
            runChecks = RunChecks.parse(checks);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--check: " + e.getMessage(), e);
        }
        List<AbortRule> rules = new ArrayList<>();
        if (abortOn.isEmpty()) {
            rules.add(AbortRule.DEFAULT);
        } else if (!(abortOn.size() == 1 && abortOn.get(0).strip().equals("none"))) {
            for (String a : abortOn) {
                rules.add(AbortRule.parse(a));
            }
        }
        return new RunGuards(runChecks, !noPreflight, rules, retries);
    }
}
