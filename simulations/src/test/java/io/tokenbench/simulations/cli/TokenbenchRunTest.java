package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line: bad options exit 2 naming the option; a short run against the mock as a
 * separate process.
 */
class TokenbenchRunTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return TokenbenchRun.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
    }

    private String errors() {
        String text = err.toString(StandardCharsets.UTF_8);
        err.reset();
        return text;
    }

    @Test
    void badValuesExitTwoNamingTheOption() {
        assertThat(run(Map.of(), "run", "--rate", "ten")).isEqualTo(2);
        assertThat(errors())
                .startsWith("./tokenbench run: ")
                .contains("'--rate'")
                .contains("'ten'")
                .contains("Run './tokenbench run --help' for the options.");
        assertThat(run(Map.of(), "sweep", "--load", "steps(5/s)")).isEqualTo(2);
        assertThat(errors()).startsWith("./tokenbench sweep: ").contains("'--load'");
        assertThat(run(Map.of(), "calibrate", "--base-url", "http://127.0.0.1:9")).isEqualTo(2);
        assertThat(errors()).startsWith("./tokenbench calibrate: ").contains("--base-url");
        assertThat(run(Map.of(), "run", "--scenario", "mixed", "--mix", "chat=2,audio=1"))
                .isEqualTo(2);
        assertThat(errors())
                .startsWith("./tokenbench run: ")
                .contains("'--mix'")
                .contains("unknown endpoint class 'audio'");
        assertThat(run(Map.of(), "run", "--scenario", "mixed", "--slo-video", "fast")).isEqualTo(2);
        assertThat(errors()).startsWith("./tokenbench run: ").contains("'--slo-video'");
        assertThat(run(Map.of(), "calibrate", "--scenario", "mixed")).isEqualTo(2);
        assertThat(errors()).startsWith("./tokenbench calibrate: --scenario: ");
    }

    @Test
    void optionsOfAnotherScenarioAreErrorsNamingTheOption() {
        assertThat(run(Map.of(), "run", "--upstream-url", "http://127.0.0.1:9")).isEqualTo(2);
        assertThat(errors()).contains("--upstream-url applies only to --scenario gateway-overhead");
        assertThat(run(Map.of(), "run", "--scenario", "spike", "--compare", "a;b")).isEqualTo(2);
        assertThat(errors()).contains("--compare applies only to --scenario model-compare");
        assertThat(run(Map.of(), "run", "--slo-images", "5s", "--timeout-video", "1m"))
                .isEqualTo(2);
        assertThat(errors())
                .contains("--slo-images, --timeout-video applies only to --scenario mixed");
        assertThat(run(Map.of(), "run", "--input-tokens", "64")).isEqualTo(2);
        assertThat(errors()).contains("--input-tokens applies only to --prompts synthetic");
        assertThat(
                        run(
                                Map.of(),
                                "run",
                                "--scenario",
                                "model-compare",
                                "--compare",
                                "a;b",
                                "--model",
                                "c"))
                .isEqualTo(2);
        assertThat(errors()).contains("--model does not apply to --scenario model-compare");
        // the sweep and calibrate do not offer what they cannot use
        for (String option : List.of("--mix", "--compare", "--scenario", "--rate", "--duration")) {
            assertThat(run(Map.of(), "sweep", option, "1")).as(option).isEqualTo(2);
            assertThat(errors()).as(option).contains("Unknown option: '" + option + "'");
        }
        assertThat(run(Map.of(), "run", "--scenario", "sweep")).isEqualTo(2);
        assertThat(errors()).contains("--scenario: use ./tokenbench sweep");
        // a sweep is not split: an Indexed Job's injector count is refused, not ignored
        assertThat(run(Map.of("TOKENBENCH_INJECTOR_COUNT", "3"), "sweep")).isEqualTo(2);
        assertThat(errors())
                .contains("$TOKENBENCH_INJECTOR_COUNT=3: the sweep runs on one injector");
    }

    @Test
    void repeatedOptionsAndOptionNamesAsValuesAreErrors() {
        assertThat(run(Map.of(), "run", "--rate", "1", "--rate", "2")).isEqualTo(2);
        assertThat(errors()).contains("'--rate'").contains("should be specified only once");
        assertThat(run(Map.of(), "run", "--model", "--duration", "1s")).isEqualTo(2);
        assertThat(errors()).contains("'--model'").contains("'--duration'");
        assertThat(run(Map.of(), "run", "--duration", "60")).isEqualTo(2);
        assertThat(errors()).contains("'--duration'").contains("'60' is not a duration");
    }

    @Test
    void anUnknownOptionIsNamedWithoutTheValueAfterIt() {
        assertThat(run(Map.of(), "run", "--api-key", "sk-live-secret-1234")).isEqualTo(2);
        assertThat(errors())
                .contains("Unknown option: '--api-key'")
                .doesNotContain("sk-live-secret-1234");
        assertThat(run(Map.of(), "run", "--api-key=sk-live-secret-1234")).isEqualTo(2);
        assertThat(errors())
                .contains("Unknown option: '--api-key'")
                .doesNotContain("sk-live-secret-1234");
    }

    @Test
    void injectorIndexOutOfRangeOrBadCountExitsTwoNamingTheOption() {
        assertThat(run(Map.of(), "run", "--injector-count", "3", "--injector-index", "3"))
                .isEqualTo(2);
        assertThat(errors()).startsWith("./tokenbench run: --injector-index: must be in 0..2");
        assertThat(run(Map.of(), "run", "--injector-count", "0")).isEqualTo(2);
        assertThat(errors()).startsWith("./tokenbench run: --injector-count: must be >= 1");
        // from the environment, as a Kubernetes Indexed Job sets it
        assertThat(
                        run(
                                Map.of(
                                        "JOB_COMPLETION_INDEX",
                                        "4",
                                        "TOKENBENCH_INJECTOR_COUNT",
                                        "2"),
                                "run"))
                .isEqualTo(2);
        assertThat(errors()).startsWith("./tokenbench run: --injector-index: must be in 0..1");
    }

    @Test
    void aGivenBaseUrlNeedsTheKeyInTheEnvironment() {
        assertThat(
                        run(
                                Map.of(),
                                "run",
                                "--base-url",
                                "http://127.0.0.1:9",
                                "--api-key-env",
                                "TB_TEST_KEY"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--api-key-env: environment variable TB_TEST_KEY is not set");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertThat(run(Map.of(), "run", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: ./tokenbench run")
                .contains("--rate")
                .contains("--load")
                .contains("poisson(10/s)")
                .contains("--timeout-first-token")
                .contains("--slo-ttft")
                .contains("--mix")
                .contains("chat=4,embeddings=4,images=0.5,speech=1,transcription=1,video=0.2")
                .contains("--slo-speech-ttfa");
    }

    @Test
    void sweepHelpListsOnlyWhatTheSweepUses() {
        assertThat(run(Map.of(), "sweep", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: ./tokenbench sweep")
                .contains("steps(5/s,+5/s,x8,15s)")
                .doesNotContain("--scenario")
                .doesNotContain("--mix")
                .doesNotContain("--compare")
                .doesNotContain("--rate")
                .doesNotContain("--concurrency");
    }

    @Test
    void rateAndConcurrencyShowTheirDefaults() {
        assertThat(run(Map.of(), "run", "--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help.substring(help.indexOf("--rate=R")))
                .contains("Default: 10 (from the default load, poisson(10/s))");
        assertThat(help.substring(help.indexOf("--concurrency=N")))
                .contains("Default: none (the default load is open)");
    }

    @Test
    void shortRunAgainstTheMockProcessLeavesAReadableRunFolder(@TempDir Path tmp) throws Exception {
        Path jar = MockArgs.jar();
        assumeTrue(Files.isReadable(jar), "mock jar not built: " + jar);
        int code =
                run(
                        Map.of(),
                        "run",
                        "--rate",
                        "5",
                        "--duration",
                        "3s",
                        "--warmup",
                        "1s",
                        "--grace",
                        "3s",
                        // the exit code is the run's verdict: a busy test machine must not make
                        // the run invalid (dispatch lag)
                        "--lag-budget",
                        "10s",
                        "--out",
                        tmp.toString());
        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(console + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(console)
                .contains("the embedded mock (separate process)")
                .contains("ttft_sched")
                .contains("run folder: ");
        Path runDir;
        try (Stream<Path> dirs = Files.list(tmp)) {
            runDir =
                    dirs.filter(p -> p.getFileName().toString().endsWith("-streaming"))
                            .findFirst()
                            .orElseThrow();
        }
        for (String f :
                List.of(
                        "run.json",
                        "metrics.hlog",
                        "outcomes.jsonl",
                        "summary.json",
                        "report.html",
                        "summary.md",
                        "junit.xml",
                        "mock.log",
                        "gatling/index.html")) {
            assertThat(runDir.resolve(f)).as(f).exists();
        }
        assertThat(Files.readString(runDir.resolve("summary.json"))).contains("\"ttft_sched\"");
        assertThat(Files.readString(runDir.resolve("mock.log")))
                .contains("listening on")
                .doesNotContain("sk-tokenbench-local")
                .doesNotContain("adm-");
    }
}
