package io.tokenbench.simulations.keys.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.reports.model.LoadModel;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.record.RecorderConfig;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.EnforcementJson;
import io.tokenbench.simulations.keys.EnforcementMarkdown;
import io.tokenbench.simulations.keys.EnforcementReport;
import io.tokenbench.simulations.keys.checks.CreditPrice;
import io.tokenbench.simulations.keys.checks.KeyHandle;
import io.tokenbench.simulations.keys.checks.KeysVerifier;
import io.tokenbench.simulations.keys.checks.LiveTarget;
import io.tokenbench.simulations.keys.checks.MockTarget;
import io.tokenbench.simulations.keys.checks.Target;
import io.tokenbench.simulations.keys.checks.VerifyContext;
import io.tokenbench.simulations.keys.checks.VerifySettings;
import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.Credits;
import io.tokenbench.simulations.keys.http.ExtraHeaders;
import io.tokenbench.simulations.keys.http.GatewayClient;
import io.tokenbench.simulations.keys.http.MockAdmin;
import io.tokenbench.simulations.keys.http.PriceFetch;
import io.tokenbench.simulations.keys.http.Secret;
import io.tokenbench.simulations.keys.http.UsageProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code keys verify} run: reads keys from the environment, builds the target (starting the
 * mock in-process when no URL is given), applies {@code --mock-option}s, runs every check and
 * writes {@code runs/<UTC>-keys-verify/} with {@code run.json}, {@code enforcement.json}, {@code
 * enforcement.md} and {@code report.html}.
 */
public final class KeysVerifyRun {
    public static final String MOCK_MODEL = "MiniMax-M3";
    static final int MOCK_MAX_TOKENS = 200;
    static final int LIVE_MAX_TOKENS = 16;

    /** About what the one-word prompt counts, for choosing the cheapest model. */
    static final int SHORT_PROMPT_TOKENS = 12;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The report and where it was written. */
    public record Outcome(EnforcementReport report, Path runDir) {}

    private KeysVerifyRun() {}

    /**
     * @throws IllegalArgumentException naming the option when an environment variable it names is
     *     missing, or the target cannot serve a value it needs (exit 2)
     * @throws UncheckedIOException or IllegalStateException when the target cannot be verified
     *     (exit 2)
     */
    public static Outcome execute(KeysVerifyOptions o, Map<String, String> env) throws IOException {
        Map<String, String> extra = ExtraHeaders.resolve(o.headers(), o.headersFromEnv(), env);
        if (o.targetKind() == KeysVerifyOptions.TargetKind.MOCK_IN_PROCESS) {
            try (InProcessMock mock = InProcessMock.start()) {
                return verify(
                        o,
                        mock.baseUrl(),
                        Secret.of(mock.adminToken()),
                        List.of(),
                        null,
                        extra,
                        Map.of());
            }
        }
        if (o.targetKind() == KeysVerifyOptions.TargetKind.MOCK) {
            return verify(
                    o,
                    o.url(),
                    secretFromEnv("--admin-token-env", o.adminTokenEnv(), env),
                    List.of(),
                    null,
                    extra,
                    Map.of());
        }
        List<KeyHandle> keys = new ArrayList<>();
        long limit = Credits.micro(o.limitCredits());
        for (String name : o.keyEnvs()) {
            keys.add(
                    new KeyHandle(
                            "env:" + name, secretFromEnv("--key-env", name, env), null, limit));
        }
        KeyHandle unlimited =
                o.unlimitedKeyEnv() == null
                        ? null
                        : new KeyHandle(
                                "env:" + o.unlimitedKeyEnv(),
                                secretFromEnv("--unlimited-key-env", o.unlimitedKeyEnv(), env),
                                null,
                                null);
        Map<String, Long> firstContact = preflight(o, keys);
        return verify(o, o.url(), null, keys, unlimited, extra, firstContact);
    }

    /** Keys needed live: one cell each; two cover a streaming and a non-streaming request. */
    static final int MIN_LIVE_KEYS = 2;

    /**
     * Live, before any traffic: enough keys, each key's usage endpoint readable (the real cause
     * named when not: connection refused, TLS, 401...), and the claimed {@code --limit-credits}
     * equal to the {@code total_granted} the endpoint reports for every key.
     *
     * @return each key's {@code used_in_period} at this first contact, by key label
     * @throws IllegalArgumentException naming the option (exit 2)
     * @throws UncheckedIOException naming the cause (exit 2)
     */
    static Map<String, Long> preflight(KeysVerifyOptions o, List<KeyHandle> keys) {
        if (keys.size() < MIN_LIVE_KEYS) {
            throw new IllegalArgumentException(
                    "--key-env: "
                            + keys.size()
                            + " key covers one matrix cell, a non-streaming request; give at least "
                            + MIN_LIVE_KEYS
                            + " keys so that streaming requests are checked too");
        }
        UsageProbe usage = new UsageProbe(o.url());
        Map<String, Long> firstContact = new LinkedHashMap<>();
        for (KeyHandle k : keys) {
            UsageProbe.TokenUsage u;
            try {
                u = usage.read(k.secret());
            } catch (UncheckedIOException e) {
                throw new UncheckedIOException(
                        "--key-env " + k.label().substring("env:".length()) + ": " + e.getMessage(),
                        e.getCause());
            }
            if (u.unlimited()) {
                throw new IllegalArgumentException(
                        "--key-env "
                                + k.label().substring("env:".length())
                                + ": the usage endpoint reports an unlimited key; the matrix needs"
                                + " keys with the --limit-credits limit");
            }
            Long granted = u.grantedMicroCredits();
            if (granted != null && granted.longValue() != k.limitMicroCredits()) {
                throw new IllegalArgumentException(
                        "--limit-credits: claimed "
                                + o.limitCredits().stripTrailingZeros().toPlainString()
                                + " but the usage endpoint reports total_granted "
                                + Credits.credits(granted).stripTrailingZeros().toPlainString()
                                + " for --key-env "
                                + k.label().substring("env:".length()));
            }
            firstContact.put(k.label(), u.usedMicroCredits());
        }
        return firstContact;
    }

    private static Outcome verify(
            KeysVerifyOptions o,
            URI base,
            Secret adminToken,
            List<KeyHandle> liveKeys,
            KeyHandle unlimited,
            Map<String, String> extraHeaders,
            Map<String, Long> firstContactUsed)
            throws IOException {
        Instant started = Instant.now();
        boolean mock = adminToken != null;
        MockAdmin admin = mock ? new MockAdmin(base, adminToken) : null;
        JsonNode profile = null;
        if (mock) {
            if (!o.mockOptions().isEmpty()) {
                try {
                    admin.putEnforcement(enforcementJson(o.mockOptions()));
                } catch (UncheckedIOException e) {
                    throw new IllegalArgumentException(
                            "--mock-option: the mock refused "
                                    + o.mockOptions()
                                    + ": "
                                    + e.getMessage());
                }
            }
            profile = admin.enforcement();
        }
        int maxTokens =
                o.maxTokens() != null ? o.maxTokens() : mock ? MOCK_MAX_TOKENS : LIVE_MAX_TOKENS;
        String model =
                o.model() != null
                        ? o.model()
                        : mock ? MOCK_MODEL : cheapest(base, liveKeys.get(0).secret(), maxTokens);
        CreditPrice price =
                price(
                        o,
                        base,
                        model,
                        mock
                                ? admin.createKey("verify-price", null, "none", "none").secret()
                                : liveKeys.get(0).secret());
        Map<String, String> headers =
                mock
                        ? Map.of(
                                "x-mock-output-tokens",
                                Integer.toString(o.outputTokens()),
                                "x-mock-ttft-ms",
                                "0",
                                "x-mock-itl-ms",
                                "0")
                        : Map.of();
        VerifySettings settings =
                new VerifySettings(
                        o.concurrencies(),
                        maxTokens,
                        o.limitRequests(),
                        o.leakProbes(),
                        o.settleTimeout(),
                        o.errorStyle(),
                        o.cancelBilling(),
                        o.waitForReset());
        UsageProbe usage = new UsageProbe(base);
        Target target =
                mock
                        ? new MockTarget(admin)
                        : new LiveTarget(
                                usage,
                                liveKeys,
                                firstContactUsed,
                                Optional.ofNullable(unlimited),
                                Optional.ofNullable(o.reset()));
        VerifyContext ctx =
                new VerifyContext(
                        new GatewayClient(base, o.requestTimeout(), extraHeaders),
                        usage,
                        target,
                        price,
                        new ChatProbe(model, o.prompt(), false, null, 0, headers),
                        settings);
        List<CheckResult> checks = new KeysVerifier(ctx).run();
        String kind =
                switch (o.targetKind()) {
                    case MOCK_IN_PROCESS -> "mock-in-process";
                    case MOCK -> "mock";
                    case LIVE -> "live";
                };
        EnforcementReport report =
                new EnforcementReport(
                        kind,
                        base.getHost() + ":" + base.getPort(),
                        started,
                        Instant.now(),
                        settingsJson(o, model, price, maxTokens),
                        profile,
                        checks);
        return new Outcome(report, write(o, base, report));
    }

    /** Live without --model: the cheapest chat model whose short request is billed at all. */
    private static String cheapest(URI base, Secret key, int maxTokens) {
        PriceFetch.Catalog c =
                PriceFetch.cheapestBilledChat(base, key, SHORT_PROMPT_TOKENS, maxTokens);
        return c.cheapest()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "--model: GET /v1/models lists "
                                                + c.modelIds().size()
                                                + " model(s)"
                                                + (c.modelIds().isEmpty()
                                                        ? ""
                                                        : " ("
                                                                + String.join(
                                                                        ", ",
                                                                        c.modelIds().stream()
                                                                                .limit(5)
                                                                                .toList())
                                                                + (c.modelIds().size() > 5
                                                                        ? ", ..."
                                                                        : "")
                                                                + ")")
                                                + ", "
                                                + c.priced()
                                                + " with a chat price, none billed at least 1"
                                                + " micro-Credit for a short request; give"
                                                + " --model (and --price-in/--price-out)"))
                .model();
    }

    private static CreditPrice price(KeysVerifyOptions o, URI base, String model, Secret key) {
        if (o.priceIn() != null) {
            return new CreditPrice(o.priceIn(), o.priceOut());
        }
        PriceFetch.Prices p =
                PriceFetch.of(base, model, key)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "--price-in: the target publishes no price for "
                                                        + model
                                                        + " at /v1/models/"
                                                        + model
                                                        + "; give --price-in and --price-out"));
        return new CreditPrice(p.inputPerMillion(), p.outputPerMillion());
    }

    private static Secret secretFromEnv(String option, String name, Map<String, String> env) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(
                    option + ": environment variable " + name + " is not set");
        }
        try {
            return Secret.of(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    option + ": environment variable " + name + ": " + e.getMessage());
        }
    }

    /**
     * {@code --mock-option} values as JSON: booleans, numbers and null/off as such, the rest as
     * strings.
     */
    static String enforcementJson(Map<String, String> options) {
        ObjectNode body = JSON.createObjectNode();
        options.forEach(
                (k, v) -> {
                    if (v.equals("true") || v.equals("false")) {
                        body.put(k, Boolean.parseBoolean(v));
                    } else if (v.equals("null") || v.equals("off")) {
                        body.putNull(k);
                    } else if (v.matches("-?\\d+(\\.\\d+)?")) {
                        body.put(k, new java.math.BigDecimal(v));
                    } else {
                        body.put(k, v);
                    }
                });
        return body.toString();
    }

    private static ObjectNode settingsJson(
            KeysVerifyOptions o, String model, CreditPrice price, int maxTokens) {
        ObjectNode s = JSON.createObjectNode();
        s.put("model", model);
        s.put("price_input_per_million", price.inputPerMillion());
        s.put("price_output_per_million", price.outputPerMillion());
        ArrayNode c = s.putArray("concurrency");
        o.concurrencies().forEach(c::add);
        s.put("max_tokens", maxTokens);
        s.put("prompt", o.prompt());
        if (o.targetKind() != KeysVerifyOptions.TargetKind.LIVE) {
            s.put("mock_output_tokens", o.outputTokens());
            s.put("limit_requests", o.limitRequests());
        } else {
            s.put("limit_credits", o.limitCredits());
            s.put("reset", o.reset());
            ArrayNode envs = s.putArray("key_envs");
            o.keyEnvs().forEach(envs::add);
        }
        s.put("leak_probes", o.leakProbes());
        s.put("settle_timeout_ms", o.settleTimeout().toMillis());
        s.put("expected_error_style", o.errorStyle());
        s.put("expected_cancel_billing", o.cancelBilling());
        s.put("wait_for_reset", o.waitForReset());
        return s;
    }

    private static Path write(KeysVerifyOptions o, URI base, EnforcementReport report)
            throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        report.settings()
                .properties()
                .forEach(
                        f ->
                                params.put(
                                        f.getKey(),
                                        f.getValue().isTextual()
                                                ? f.getValue().asText()
                                                : f.getValue().toString()));
        params.put("target_kind", report.targetKind());
        int maxConcurrency = Collections.max(o.concurrencies());
        RunInfo info =
                RunInfo.create(
                        "keys-verify",
                        "keys-verify",
                        report.startedAt().toEpochMilli(),
                        base.toString(),
                        new LoadModel.Closed(maxConcurrency),
                        RecorderConfig.DEFAULTS,
                        params,
                        Map.of("tokenbench", "0.1.0-SNAPSHOT"));
        RunFolder folder = RunFolder.create(o.runsDir(), info);
        Files.writeString(folder.file("enforcement.json"), EnforcementJson.toJson(report));
        Files.writeString(folder.file("enforcement.md"), EnforcementMarkdown.render(report));
        // report.html: the reports module's page, with the enforcement section drawn from
        // enforcement.json
        io.tokenbench.reports.format.EnforcementReport.writeHtml(folder.dir());
        return folder.dir();
    }
}
