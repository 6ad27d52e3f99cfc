package io.tokenbench.simulations.cli;

import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.Parameter;
import io.tokenbench.simulations.config.ParameterException;
import io.tokenbench.simulations.config.ParameterSource;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.ScenarioKind;
import io.tokenbench.simulations.metrics.MetricsArguments;
import io.tokenbench.simulations.metrics.MetricsExposition;
import io.tokenbench.simulations.scenarios.Recipes;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tokenbench run | sweep | calibrate [options]}: parses the options into {@link
 * RunParameters}, starts the mock as a separate process unless {@code --base-url} is given, runs
 * the scenario with Gatling in this JVM, prints the summary and where the reports are. Exit 0 done,
 * 2 bad option.
 */
public final class TokenbenchRun {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private TokenbenchRun() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, System.getenv());
        System.exit(code);
    }

    // the exposition serves while the block runs; nothing in the block reads it
    @SuppressWarnings("try")
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String command =
                !rest.isEmpty() && List.of("run", "sweep", "calibrate").contains(rest.get(0))
                        ? rest.remove(0)
                        : "run";
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(Usage.text(command));
            return 0;
        }
        MetricsArguments metrics;
        try {
            metrics = MetricsArguments.parse(rest, command);
        } catch (picocli.CommandLine.ParameterException e) {
            err.println("tokenbench " + command + ": " + e.getMessage());
            return 2;
        }
        rest = new ArrayList<>(metrics.rest());
        RunParameters params;
        try {
            if (command.equals("sweep")
                    && rest.stream().noneMatch(a -> a.startsWith("--scenario"))) {
                rest.addAll(0, List.of("--scenario", ScenarioKind.SWEEP.key()));
            }
            Map<String, String> defaults = new HashMap<>(InjectorShare.environmentDefaults(env));
            defaults.putAll(systemProperties());
            params = RunParameters.from(ParameterSource.of(rest, defaults));
            if (command.equals("calibrate") && params.baseUrl().isPresent()) {
                throw new ParameterException(
                        Parameter.BASE_URL.key(),
                        "calibrate runs against its own zero-latency mock");
            }
            if (command.equals("calibrate")
                    && params.scenario() != ScenarioKind.STREAMING
                    && params.scenario() != ScenarioKind.NON_STREAMING) {
                throw new ParameterException(
                        Parameter.SCENARIO.key(),
                        "calibrate measures streaming or non-streaming only");
            }
            if (!command.equals("sweep") && params.scenario() == ScenarioKind.SWEEP) {
                throw new ParameterException(
                        Parameter.SCENARIO.key(), "use ./tokenbench sweep for the capacity sweep");
            }
        } catch (ParameterException e) {
            err.println("tokenbench " + command + ": " + e.getMessage());
            return 2;
        }
        try (MetricsExposition exposition = metrics.options().start(out)) {
            return switch (command) {
                case "sweep" -> Sweep.execute(params, env, out);
                case "calibrate" ->
                        runOnce(params, env, MockArgs.ZERO_LATENCY, "calibrate", out, err);
                default ->
                        runOnce(
                                params,
                                env,
                                params.scenario() == ScenarioKind.MIXED
                                        ? MockArgs.MIXED
                                        : List.of(),
                                null,
                                out,
                                err);
            };
        } catch (ParameterException | picocli.CommandLine.ParameterException e) {
            err.println("tokenbench " + command + ": " + e.getMessage());
            return 2;
        }
    }

    /** One run (any scenario but sweep); {@code laneName} names the run folder (calibrate). */
    static int runOnce(
            RunParameters params,
            Map<String, String> env,
            List<String> mockArgs,
            String laneName,
            PrintStream out,
            PrintStream err) {
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
            List<PlanExecution.LaneResult> results =
                    PlanExecution.execute(plan, lanesRoot, true, true, out);
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
            return 0;
        }
    }

    /**
     * {@code " injector 1/3"} (index/count) on the lines of a split run; empty for one injector.
     */
    static String injectorLabel(RunParameters params) {
        return params.injectors().isSplit()
                ? " injector " + params.injectors().index() + "/" + params.injectors().count()
                : "";
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ParameterException(
                    Parameter.OUT.key(), "cannot create " + dir + ": " + e.getMessage());
        }
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return props;
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
