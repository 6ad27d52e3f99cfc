package io.tokenbench.simulations.scenarios;

import io.tokenbench.options.DurationGrammar;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.Variant;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameters and versions written to run.json (the API key's variable NAME only, never a key).
 */
final class RunInfoParameters {
    private RunInfoParameters() {}

    static Map<String, String> of(RunParameters p, URI target) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("scenario", p.scenario().key());
        m.put(
                "target",
                target.getScheme()
                        + "://"
                        + target.getHost()
                        + (target.getPort() > 0 ? ":" + target.getPort() : ""));
        m.put("embedded_mock", Boolean.toString(p.baseUrl().isEmpty()));
        m.put("model", p.model());
        m.put(
                "prompts",
                p.load() instanceof io.tokenbench.simulations.config.LoadModel.Trace
                        ? "synthetic, the trace's lengths"
                        : p.prompts().toString());
        m.put("api", p.request().api().key());
        m.put("endpoint", "/v1/" + p.request().api().path());
        m.put("tokenizer", tokenizer(p));
        if (!p.request().headers().isEmpty()) {
            // names only: values may be secrets (--header-env)
            m.put("headers", p.request().headers().describe());
        }
        if (!p.request().body().describe().isEmpty()) {
            m.put("body", p.request().body().describe());
        }
        p.request()
                .body()
                .outputTokens()
                .ifPresent(
                        d ->
                                m.put(
                                        "output_tokens",
                                        d + (p.request().body().exactOutput() ? " exact" : "")));
        m.put("transport", p.transport().describe());
        if (p.transport().insecure()) {
            m.put("warning", "--insecure: server certificates were not verified");
        }
        m.put("max_tokens", Integer.toString(p.maxTokens()));
        m.put("stream", Boolean.toString(p.stream()));
        m.put("load", p.load().describe());
        m.put("duration", DurationGrammar.format(p.duration()));
        m.put("warmup", DurationGrammar.format(p.warmup()));
        m.put("grace", DurationGrammar.format(p.grace()));
        m.put("timeout_first_token", DurationGrammar.format(p.timeouts().firstToken()));
        m.put("timeout_idle", DurationGrammar.format(p.timeouts().idle()));
        m.put("timeout_total", DurationGrammar.format(p.timeouts().total()));
        m.put("slo_ttft_sched", DurationGrammar.format(p.slo().ttft()));
        m.put("slo_tpot", DurationGrammar.format(p.slo().tpot()));
        m.put("slo_e2e_sched", DurationGrammar.format(p.slo().e2e()));
        m.put("dispatch_lag_budget_ms", Double.toString(p.lagBudget().toNanos() / 1e6));
        m.put("connections", p.pooledConnections() ? "pooled" : "per-request");
        m.put("seed", Long.toString(p.seed()));
        m.put("api_key_env", p.apiKeyEnv());
        m.put("injector_index", Integer.toString(p.injectors().index()));
        m.put("injector_count", Integer.toString(p.injectors().count()));
        m.put(
                "timestamp_resolution",
                "nanoseconds (System.nanoTime at each read on Gatling's event loop)");
        if (p.scenario() == io.tokenbench.simulations.config.ScenarioKind.MIXED) {
            m.put("mix", p.mix().describe());
            m.put(
                    "slo_embeddings_e2e_sched",
                    DurationGrammar.format(p.classSlos().embeddingsE2e()));
            m.put("slo_images_e2e_sched", DurationGrammar.format(p.classSlos().imagesE2e()));
            m.put("slo_speech_ttfa_sched", DurationGrammar.format(p.classSlos().speechTtfa()));
            m.put("slo_speech_e2e_sched", DurationGrammar.format(p.classSlos().speechE2e()));
            m.put(
                    "slo_transcription_e2e_sched",
                    DurationGrammar.format(p.classSlos().transcriptionE2e()));
            m.put("slo_video_complete", DurationGrammar.format(p.classSlos().videoComplete()));
            m.put("timeout_video", DurationGrammar.format(p.videoTimeout()));
        }
        if (!p.variants().isEmpty()) {
            m.put(
                    "compare",
                    p.variants().stream().map(Variant::label).collect(Collectors.joining("; ")));
        }
        return m;
    }

    private static String tokenizer(RunParameters p) {
        if (p.load() instanceof io.tokenbench.simulations.config.LoadModel.Trace) {
            String t =
                    p.prompts() instanceof io.tokenbench.simulations.config.PromptSpec.Synthetic s
                            ? s.tokenizer()
                            : "words";
            return t + " (trace prompt lengths)";
        }
        if (p.prompts() instanceof io.tokenbench.simulations.config.PromptSpec.Synthetic s) {
            return s.tokenizer() + " (synthetic prompt lengths)";
        }
        if (p.prompts() instanceof io.tokenbench.simulations.config.PromptSpec.ShareGpt g) {
            return g.tokenizer() + " (ShareGPT output lengths)";
        }
        return "none (prompts sent as given)";
    }

    static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("tokenbench", version(RunInfoParameters.class, "0.1.0-SNAPSHOT"));
        v.put("gatling", version(io.gatling.javaapi.core.Simulation.class, "3.15.1"));
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    private static String version(Class<?> c, String fallback) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? fallback : v;
    }
}
