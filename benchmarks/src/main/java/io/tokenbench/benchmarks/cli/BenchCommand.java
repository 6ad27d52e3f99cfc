package io.tokenbench.benchmarks.cli;

import io.tokenbench.benchmarks.target.LiveTarget;
import io.tokenbench.options.Commands;
import io.tokenbench.options.HeaderOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./tokenbench bench}: the command line parsed into {@link BenchOptions}, then {@link
 * BenchRun}. Public with a public no-arg constructor for shell completion; {@link #commandLine()}
 * builds it on the shared option layer.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Run the JMH benchmarks whose name matches a PATTERN and import the results.",
            "Writes JMH's JSON and the reports summary (summary.json, summary.md, report.html) into"
                    + " DIR/<UTC>-bench/, and prints the openai-java SDK's overhead against the"
                    + " lean clients when ChatBench ran. With --import FILE, imports an existing"
                    + " JMH -rf json file instead of running (only --out applies then).",
            ""
        },
        footer = {
            "",
            "Then: ./tokenbench compare benchmarks/baselines/quick.json DIR/<UTC>-bench/jmh.json",
            "Exit codes: 0 done, 1 a benchmark failed (JMH runs with -foe true), 2 bad usage or"
                    + " unusable input."
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(
            paramLabel = "PATTERN",
            arity = "0..*",
            description = "JMH include regexps (default: every benchmark)")
    List<String> patterns = new ArrayList<>();

    @Option(
            names = "--quick",
            description =
                    "1 fork, 2x5s warm-up, 2x2s measurement, ChatBench on target=MOCK_ZERO only"
                            + " unless -p target is given (default: the rigorous preset, 2 forks,"
                            + " 3x5s + 5x5s, every target)")
    boolean quick;

    @Option(
            names = "-p",
            paramLabel = "NAME=V1,V2",
            converter = ParamOverride.Converter.class,
            description = "override a @Param, e.g. -p target=MOCK_ZERO -p client=SDK,JDK")
    List<ParamOverride> params = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "runs",
            description = "runs root (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description =
                    "a live OpenAI-compatible base URL with /v1: ChatBench runs with target=LIVE")
    String baseUrl;

    @Option(
            names = "--api-key-env",
            paramLabel = "NAME",
            defaultValue = LiveTarget.DEFAULT_API_KEY_ENV,
            description =
                    "with --base-url: the environment variable holding the live key (default:"
                            + " ${DEFAULT-VALUE}); the key itself is never an argument")
    String apiKeyEnv;

    @Option(
            names = "--header",
            paramLabel = "'Name: value'",
            description =
                    "with --base-url: an extra header on every request (repeatable; replaces a"
                            + " client header of the same name); use --header-env for secrets")
    List<String> headers = new ArrayList<>();

    @Option(
            names = "--header-env",
            paramLabel = "Name=ENV_VAR",
            description =
                    "with --base-url: an extra header whose value each benchmark JVM reads from"
                            + " ENV_VAR (repeatable); the value is never an argument or printed")
    List<String> headerEnv = new ArrayList<>();

    @Option(
            names = "--model",
            paramLabel = "ID",
            description = "the model to request (default: " + LiveTarget.DEFAULT_MODEL + ")")
    String model;

    @Option(names = "--list", description = "list the matching benchmarks and exit")
    boolean list;

    @Option(
            names = "--import",
            paramLabel = "FILE",
            description = "import an existing JMH -rf json file instead of running")
    Path importFile;

    /** For picocli and for shell completion. */
    public BenchCommand() {}

    /** The strict command line of {@code ./tokenbench bench} (see {@link Commands#create}). */
    public static CommandLine commandLine() {
        return commandLine(new BenchCommand());
    }

    /** The command line around {@code command}, whose fields receive the parsed options. */
    static CommandLine commandLine(BenchCommand command) {
        return Commands.create(command, "bench");
    }

    @Override
    public Integer call() {
        return BenchRun.run(options(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The validated options; a {@link ParameterException} (exit 2) names what is wrong. */
    BenchOptions options() {
        boolean importing = importFile != null;
        if (importing && !patterns.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--import takes no PATTERN");
        }
        Commands.rejectUnless(
                spec,
                !importing,
                "does not apply to --import (it runs no benchmark)",
                "--quick",
                "-p",
                "--base-url",
                "--api-key-env",
                "--header",
                "--header-env",
                "--model",
                "--list");
        Commands.rejectUnless(
                spec,
                baseUrl != null,
                "applies only with --base-url",
                "--api-key-env",
                "--header",
                "--header-env");
        for (String pattern : patterns) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                // a typo is an error here, not "no benchmark matches"
                throw new ParameterException(
                        spec.commandLine(),
                        "PATTERN '"
                                + pattern
                                + "' is not a regular expression: "
                                + e.getDescription());
            }
        }
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (ParamOverride p : params) {
            if (byName.put(p.name(), p.values()) != null) {
                throw new ParameterException(spec.commandLine(), "-p " + p.name() + " given twice");
            }
        }
        try {
            // here, so a typo or an unset variable is exit 2 before any benchmark JVM starts
            HeaderOptions.resolveWithoutLanes(headers, headerEnv, System.getenv(), "bench");
            return new BenchOptions(
                    patterns,
                    quick ? BenchPreset.QUICK : BenchPreset.RIGOROUS,
                    out,
                    byName,
                    Optional.ofNullable(baseUrl),
                    apiKeyEnv,
                    headers,
                    headerEnv,
                    Optional.ofNullable(model),
                    Optional.ofNullable(importFile),
                    list);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
