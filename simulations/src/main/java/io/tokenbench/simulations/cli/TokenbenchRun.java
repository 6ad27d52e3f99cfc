package io.tokenbench.simulations.cli;

import io.tokenbench.options.Commands;
import io.tokenbench.options.ExitCode;
import io.tokenbench.simulations.cli.options.PropertyDefaults;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.ScenarioKind;
import io.tokenbench.simulations.scenarios.Recipes;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code ./tokenbench run | sweep | calibrate [options]} (the launcher passes the command as the
 * first argument; without one it is {@code run}): parses the options with {@link RunCommand},
 * {@link SweepCommand} or {@link CalibrateCommand} into {@link RunParameters}, starts the mock as a
 * separate process unless {@code --base-url} is given, runs the scenario with Gatling in this JVM,
 * prints the summary, where the reports are and the verdict. Exit 0 pass, 1 a check failed (or the
 * run was invalid or aborted), 2 bad option, failed pre-flight or could not run.
 */
public final class TokenbenchRun {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private TokenbenchRun() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv());
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        String name = commandName(args);
        String[] rest = rest(args);
        LoadCommand command = command(name, env, out);
        CommandLine line = commandLine(command, name, env);
        line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return line.execute(rest);
    }

    /**
     * The parameters {@code ./tokenbench <args>} would run with ({@code args[0]} is {@code run},
     * {@code sweep} or {@code calibrate}, else {@code run} is meant), without running; {@code
     * properties} stand for the system properties.
     *
     * @throws CommandLine.ParameterException naming the option when one is invalid
     */
    public static RunParameters parameters(
            Map<String, String> properties, Map<String, String> env, String... args) {
        String name = commandName(args);
        LoadCommand command = command(name, env, System.out);
        CommandLine line = Commands.create(command, name);
        line.setDefaultValueProvider(new PropertyDefaults(properties::get, env));
        line.parseArgs(rest(args));
        return command.parameters();
    }

    private static String commandName(String[] args) {
        return args.length > 0 && List.of("run", "sweep", "calibrate").contains(args[0])
                ? args[0]
                : "run";
    }

    private static String[] rest(String[] args) {
        return args.length > 0 && args[0].equals(commandName(args))
                ? Arrays.copyOfRange(args, 1, args.length)
                : args;
    }

    private static LoadCommand command(String name, Map<String, String> env, PrintStream out) {
        return switch (name) {
            case "sweep" -> new SweepCommand(env, out);
            case "calibrate" -> new CalibrateCommand(env, out);
            default -> new RunCommand(env, out);
        };
    }

    private static CommandLine commandLine(
            LoadCommand command, String name, Map<String, String> env) {
        CommandLine line = Commands.create(command, name);
        line.setDefaultValueProvider(new PropertyDefaults(System::getProperty, env));
        // 10 columns more than the other commands: the default --mix fits on one line
        line.setUsageHelpWidth(110);
        return line;
    }

    /**
     * One run (any scenario but sweep); {@code laneName} names the run folder (calibrate), null the
     * scenario.
     *
     * @throws IllegalArgumentException naming the option when the run cannot start with these
     *     parameters (a missing key variable, an empty prompt file, an output folder that cannot be
     *     created)
     */
    static int runOnce(
            RunParameters params,
            Map<String, String> env,
            List<String> mockArgs,
            String laneName,
            PrintStream out) {
        Path outDir = createDirectories(params.outDir());
        boolean multiLane =
                params.scenario() == ScenarioKind.GATEWAY_OVERHEAD
                        || params.scenario() == ScenarioKind.MODEL_COMPARE;
        // several lanes: one parent folder holding a run folder per lane and the side-by-side files
        String tag = params.injectors().tag();
        Path lanesRoot =
                multiLane
                        ? createDirectories(
                                outDir.resolve(
                                        STAMP.format(Instant.now())
                                                + "-"
                                                + params.scenario().key()
                                                + tag))
                        : outDir;
        try (Target target = Target.open(params, env, mockArgs, outDir)) {
            RunPlan plan =
                    Recipes.plan(
                            params,
                            target.baseUrl(),
                            target.apiKey(),
                            lanesRoot,
                            Map.of(),
                            (laneName != null ? laneName : params.scenario().key()) + tag);
            RequestNotes.before(params, out);
            if ("calibrate".equals(laneName)) {
                out.println(
                        "tokenbench calibrate: the mock answers with no delay, so every figure below is what the harness,"
                                + " the loopback and the mock add: subtract it per percentile from runs with the same load shape");
            }
            out.println(
                    "tokenbench"
                            + injectorLabel(params)
                            + ": "
                            + params.scenario().key()
                            + " against "
                            + target.describe()
                            + ", "
                            + params.load().describe()
                            + " for "
                            + params.injectionLength().toSeconds()
                            + " s (incl. "
                            + params.warmup().toSeconds()
                            + " s warm-up)");
            // the pre-flight is a chat request: a mixed run without chat traffic skips it
            boolean sendsChat =
                    params.scenario() != ScenarioKind.MIXED
                            || params.mix().share(io.tokenbench.reports.record.EndpointClass.CHAT)
                                    > 0;
            if (params.guards().preflight() && !target.embedded() && sendsChat) {
                Optional<Preflight.Failure> failed = preflight(plan, target, params, out);
                if (failed.isPresent()) {
                    out.println(failed.get().message());
                    return ExitCode.COULD_NOT_RUN;
                }
            }
            List<PlanExecution.LaneResult> results =
                    PlanExecution.execute(plan, lanesRoot, true, true, out);
            RequestNotes.after(plan, results, out);
            target.keepLog(results.get(0).runDir());
            if (params.scenario() == ScenarioKind.GATEWAY_OVERHEAD) {
                LaneComparisons.overhead(
                        lanesRoot,
                        results.get(0),
                        results.get(1),
                        plan.pairs().orElseThrow().summary(),
                        out);
            } else if (params.scenario() == ScenarioKind.MODEL_COMPARE) {
                LaneComparisons.models(lanesRoot, results, out);
            }
            out.println();
            if (multiLane) {
                out.println("scenario folder: " + lanesRoot);
            }
            for (PlanExecution.LaneResult r : results) {
                out.println("run folder: " + r.runDir());
            }
            out.println("HTML report: " + results.get(0).runDir().resolve("report.html"));
            Path gatling = results.get(0).runDir().resolve("gatling").resolve("index.html");
            if (Files.exists(gatling)) {
                out.println("Gatling's own report: " + gatling);
            }
            return verdict(results, plan.abortWatch().reason(), out);
        }
    }

    /** One pre-flight request per distinct target of the plan's lanes; the first failure. */
    private static Optional<Preflight.Failure> preflight(
            RunPlan plan, Target target, RunParameters params, PrintStream out) {
        java.util.Set<URI> seen = new java.util.HashSet<>();
        for (io.tokenbench.simulations.scenarios.Lane lane : plan.lanes()) {
            if (!seen.add(lane.baseUrl())) {
                continue;
            }
            Optional<Preflight.Failure> f =
                    Preflight.check(
                            lane,
                            target.apiKey(),
                            params.apiKeyEnv(),
                            params.timeouts().firstToken(),
                            params.transport(),
                            out);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /**
     * Prints each lane's verdict (with several lanes, its name first) and returns the command's
     * exit code: 1 when any lane failed or the run was aborted ({@code --abort-on}), else 2 when
     * any lane could not be evaluated, else 0.
     */
    static int verdict(
            List<PlanExecution.LaneResult> results, Optional<String> aborted, PrintStream out) {
        boolean anyFailed = aborted.isPresent();
        boolean anyNotEvaluated = false;
        for (PlanExecution.LaneResult r : results) {
            out.println();
            if (results.size() > 1) {
                out.println("lane " + r.lane() + " (" + r.runDir().getFileName() + "):");
            }
            out.print(r.written().headlineText());
            int code = r.exitCode();
            anyFailed |= code == ExitCode.FAILED;
            anyNotEvaluated |= code == ExitCode.COULD_NOT_RUN;
        }
        int code =
                anyFailed
                        ? ExitCode.FAILED
                        : anyNotEvaluated ? ExitCode.COULD_NOT_RUN : ExitCode.PASS;
        if (aborted.isPresent()) {
            out.println("ABORTED: the load stopped early, " + aborted.get() + " (exit 1)");
        }
        if (results.size() > 1) {
            out.println(
                    "overall verdict: "
                            + (code == ExitCode.PASS
                                    ? "PASS (every lane passed)"
                                    : code == ExitCode.FAILED
                                            ? "FAIL (a lane failed; see above)"
                                            : "NOT EVALUATED (a lane could not be evaluated)")
                            + ", exit "
                            + code);
        }
        return code;
    }

    /**
     * {@code " injector 1/3"} (index/count) on the lines of a split run; empty for one injector.
     */
    static String injectorLabel(RunParameters params) {
        return params.injectors().isSplit()
                ? " injector " + params.injectors().index() + "/" + params.injectors().count()
                : "";
    }

    /** Creates {@code dir} under {@code --out}; failure names the option. */
    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "--out: cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The base URL and key of a run: a given URL with the key from the environment, or a mock
     * process.
     */
    static final class Target implements AutoCloseable {
        private final URI baseUrl;
        private final ApiKey apiKey;
        private final MockProcess mock;
        private final Path mockLog;

        private Target(URI baseUrl, ApiKey apiKey, MockProcess mock, Path mockLog) {
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
            this.mock = mock;
            this.mockLog = mockLog;
        }

        static Target open(
                RunParameters params, Map<String, String> env, List<String> mockArgs, Path outDir) {
            if (params.baseUrl().isPresent()) {
                return new Target(
                        params.baseUrl().get(),
                        ApiKey.fromEnvironment(params.apiKeyEnv(), env),
                        null,
                        null);
            }
            Path log = RunScratch.mockLog(outDir);
            MockProcess mock = MockProcess.start(MockArgs.jar(), mockArgs, log);
            return new Target(
                    mock.baseUrl(), ApiKey.forEmbeddedMock(params.apiKeyEnv(), env), mock, log);
        }

        URI baseUrl() {
            return baseUrl;
        }

        /** True for the embedded mock (started here, known to answer: no pre-flight). */
        boolean embedded() {
            return mock != null;
        }

        ApiKey apiKey() {
            return apiKey;
        }

        String describe() {
            return mock == null
                    ? baseUrl.getHost() + (baseUrl.getPort() > 0 ? ":" + baseUrl.getPort() : "")
                    : "the embedded mock (separate process) at " + baseUrl;
        }

        /** Moves the mock's output into the run folder as mock.log. */
        void keepLog(Path runDir) {
            if (mockLog != null && Files.exists(mockLog)) {
                try {
                    Files.copy(mockLog, runDir.resolve("mock.log"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            if (mock != null) {
                mock.close();
                try {
                    Files.deleteIfExists(mockLog);
                } catch (IOException ignored) {
                    // a leftover log in the output folder is harmless
                }
            }
        }
    }
}
