package io.tokenbench.simulations.keys.cli;

import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.EnforcementJson;
import io.tokenbench.simulations.keys.EnforcementReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./tokenbench keys verify}: the options, parsed into {@link KeysVerifyOptions}; then the
 * checks ({@link KeysVerifyRun}), one line per check. Exit 0 (every check passed or was quantified
 * / not checked), 1 (a check failed) or 2 (bad option, or the target could not be verified).
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        description = {
            "Verifies PowerTokens key-limit enforcement: overshoot per concurrency, leaks, false"
                    + " rejections, resets, expiry, accounting, refunds, cancel billing, the error"
                    + " contract. Writes runs/<UTC>-keys-verify/{run.json,enforcement.json,"
                    + "enforcement.md,report.html}.",
            "Target: the mock, started in-process (default); a running mock (--url with"
                    + " --admin-token-env); a live gateway (--url with --key-env, --limit-credits)."
                    + " Keys are read from the environment variables named, never from an option.",
            "Exit: 0 no check failed, 1 a check failed, 2 could not run (bad option, unreachable"
                    + " target).",
            ""
        })
public final class KeysVerifyCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "URL",
            converter = HttpUrl.class,
            description =
                    "a running mock (with --admin-token-env) or a live gateway (with --key-env).%n"
                            + "  Default: none: the mock, started in-process")
    private URI url;

    @Option(
            names = "--admin-token-env",
            paramLabel = "NAME",
            description = "the mock at --url has its admin token in environment variable NAME")
    private String adminTokenEnv;

    @Option(
            names = "--mock-option",
            paramLabel = "NAME=VALUE",
            showDefaultValue = Help.Visibility.NEVER,
            description =
                    "an enforcement switch for the mock (PUT /admin/enforcement), repeatable, e.g."
                            + " concurrency=atomic, stale_cache_ms=60000, trust_bypass=0")
    private Map<String, String> mockOptions = new LinkedHashMap<>();

    @Option(
            names = "--key-env",
            paramLabel = "NAME",
            showDefaultValue = Help.Visibility.NEVER,
            description =
                    "live gateway: a variable holding a key with the limit below, one per matrix"
                            + " cell, repeatable; at least 2 (a streaming and a non-streaming"
                            + " cell)")
    private List<String> keyEnvs = new ArrayList<>();

    @Option(
            names = "--limit-credits",
            paramLabel = "X",
            converter = NonNegativeDecimal.class,
            description = "live gateway (required there): the keys' Credit limit per period")
    private BigDecimal limitCredits;

    @Option(
            names = "--reset",
            paramLabel = "TYPE",
            defaultValue = "none",
            completionCandidates = Resets.class,
            description = "live gateway: the keys' reset type: ${COMPLETION-CANDIDATES}")
    private String reset;

    @Option(
            names = "--unlimited-key-env",
            paramLabel = "NAME",
            description =
                    "live gateway: a variable holding an unlimited key (false rejections, cancel"
                            + " billing)")
    private String unlimitedKeyEnv;

    @Option(
            names = "--wait-for-reset",
            description =
                    "live gateway: wait for the next real reset boundary (up to a month for"
                            + " monthly)")
    private boolean waitForReset;

    @Option(
            names = "--model",
            paramLabel = "ID",
            description =
                    "the model requested.%n  Default: MiniMax-M3 on the mock; live: the cheapest"
                            + " chat model of /v1/models that is billed at all")
    private String model;

    @Option(
            names = "--price-in",
            paramLabel = "X",
            converter = NonNegativeDecimal.class,
            description =
                    "Credits per 1M input tokens (with --price-out).%n"
                            + "  Default: the pricing of /v1/models/ID")
    private BigDecimal priceIn;

    @Option(
            names = "--price-out",
            paramLabel = "X",
            converter = NonNegativeDecimal.class,
            description =
                    "Credits per 1M output tokens (with --price-in).%n"
                            + "  Default: the pricing of /v1/models/ID")
    private BigDecimal priceOut;

    @Option(
            names = "--prompt",
            paramLabel = "TEXT",
            defaultValue = "Reply with one word.",
            description = "the prompt of every request")
    private String prompt;

    @Option(
            names = "--max-tokens",
            paramLabel = "N",
            description =
                    "max_tokens of the \"with max_tokens\" cells.%n  Default: 200 on the mock, 16"
                            + " live")
    private Integer maxTokens;

    @Option(
            names = "--output-tokens",
            paramLabel = "N",
            defaultValue = "200",
            description = "mock only: output tokens per answer")
    private int outputTokens;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            split = ",",
            defaultValue = "1,4,16,64",
            description = "the concurrencies of the overshoot matrix, comma-separated")
    private List<Integer> concurrencies;

    @Option(
            names = "--limit-requests",
            paramLabel = "N",
            defaultValue = "8",
            description = "mock keys' limit in requests")
    private int limitRequests;

    @Option(
            names = "--leak-probes",
            paramLabel = "N",
            defaultValue = "3",
            description = "requests sent to an exhausted key")
    private int leakProbes;

    @Option(
            names = "--settle-timeout",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description =
                    "per key: how long its ledger may take to show every finished request (each"
                            + " key has its own deadline)")
    private Duration settleTimeout;

    @Option(
            names = "--request-timeout",
            paramLabel = "DURATION",
            defaultValue = "60s",
            description = "per request")
    private Duration requestTimeout;

    @Option(
            names = "--error-style",
            paramLabel = "STYLE",
            defaultValue = "newapi",
            completionCandidates = ErrorStyles.class,
            description =
                    "the error body the gateway is expected to send: ${COMPLETION-CANDIDATES}")
    private String errorStyle;

    @Option(
            names = "--cancel-billing",
            paramLabel = "RULE",
            defaultValue = "tokens_emitted",
            completionCandidates = CancelBillings.class,
            description = "what a cancelled stream is expected to cost: ${COMPLETION-CANDIDATES}")
    private String cancelBilling;

    @Option(
            names = "--runs",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "folder in which the run folder is created")
    private Path runs;

    private final Map<String, String> env;
    private final PrintStream out;

    /** For picocli and shell completion: the process environment and standard output. */
    public KeysVerifyCommand() {
        this(System.getenv(), System.out);
    }

    KeysVerifyCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    /**
     * The validated options.
     *
     * @throws ParameterException naming the option when a value or a combination is invalid
     */
    @Option(
            names = "--header",
            paramLabel = "'Name: value'",
            description =
                    "an extra header on every chat call (repeatable), e.g. a gateway's routing")
    private List<String> headers = new ArrayList<>();

    @Option(
            names = "--header-env",
            paramLabel = "'Name=ENV_VAR'",
            description =
                    "an extra header whose value is read from ENV_VAR (repeatable; for secrets,"
                            + " never printed)")
    private List<String> headersFromEnv = new ArrayList<>();

    KeysVerifyOptions options() {
        Map<String, String> switches = new LinkedHashMap<>();
        mockOptions.forEach((name, value) -> switches.put(name.replace('-', '_'), value));
        try {
            return new KeysVerifyOptions(
                    url,
                    adminTokenEnv,
                    keyEnvs,
                    limitCredits,
                    reset,
                    unlimitedKeyEnv,
                    model,
                    priceIn,
                    priceOut,
                    prompt,
                    outputTokens,
                    concurrencies,
                    maxTokens,
                    limitRequests,
                    leakProbes,
                    settleTimeout,
                    requestTimeout,
                    errorStyle,
                    cancelBilling,
                    waitForReset,
                    switches,
                    runs,
                    headers,
                    headersFromEnv);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        KeysVerifyOptions options = options();
        try {
            KeysVerifyRun.Outcome outcome = KeysVerifyRun.execute(options, env);
            for (CheckResult c : outcome.report().checks()) {
                out.printf(
                        "%-16s %-11s %s%n",
                        c.name().wireName(), c.verdict().wireName(), c.summary());
            }
            out.println(
                    "keys verify: "
                            + (outcome.report().failed() ? "FAIL" : "PASS")
                            + coverage(outcome.report())
                            + "; details in "
                            + outcome.runDir().resolve("enforcement.md")
                            + " and "
                            + outcome.runDir().resolve("report.html"));
            return outcome.report().exitCode();
        } catch (IllegalArgumentException e) {
            // an option the target cannot serve (a missing variable, a switch the mock refuses)
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (UncheckedIOException | IOException e) {
            spec.commandLine().getErr().println("keys verify: could not run: " + e.getMessage());
            return EnforcementReport.EXIT_COULD_NOT_RUN;
        } catch (RuntimeException e) {
            // Anything else is a target the verifier cannot work with (or a bug): never exit 1,
            // which means "failed".
            spec.commandLine().getErr().println("keys verify: could not run: " + e);
            return EnforcementReport.EXIT_COULD_NOT_RUN;
        }
    }

    /** ", 4 of 16 cells": the matrix cells whose overshoot was judged. */
    static String coverage(EnforcementReport report) {
        for (CheckResult c : report.checks()) {
            if (c.name() == io.tokenbench.simulations.keys.CheckName.OVERSHOOT) {
                var cov = EnforcementJson.evidence(c).path("coverage");
                if (cov.has("cells_total")) {
                    return ", "
                            + cov.path("cells_checked").asInt()
                            + " of "
                            + cov.path("cells_total").asInt()
                            + " cells";
                }
            }
        }
        return "";
    }

    /** An http(s) URL without credentials or query. */
    static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            URI u;
            try {
                u = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("not a URL");
            }
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                    || u.getHost() == null) {
                throw new TypeConversionException(
                        "expected an http(s) URL such as http://127.0.0.1:8080");
            }
            if (u.getUserInfo() != null || u.getQuery() != null) {
                throw new TypeConversionException(
                        "no credentials or query in the URL: keys come from environment variables");
            }
            return u;
        }
    }

    /** A price or a Credit limit: a decimal number, at least 0. */
    static final class NonNegativeDecimal implements ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String text) {
            BigDecimal d;
            try {
                d = new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("not a number: " + text);
            }
            if (d.signum() < 0) {
                throw new TypeConversionException("must be >= 0: " + text);
            }
            return d;
        }
    }

    public static final class Resets implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return KeysVerifyOptions.RESETS.iterator();
        }
    }

    public static final class ErrorStyles implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return KeysVerifyOptions.ERROR_STYLES.iterator();
        }
    }

    public static final class CancelBillings implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return KeysVerifyOptions.CANCEL_BILLINGS.iterator();
        }
    }
}
