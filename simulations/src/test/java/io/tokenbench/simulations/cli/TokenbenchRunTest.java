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

    @Test
    void badValuesExitTwoNamingTheOption() {
        assertThat(run(Map.of(), "run", "--rate", "ten")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("tokenbench run: rate: 'ten' is not a number");
        err.reset();
        assertThat(run(Map.of(), "sweep", "--load", "steps(5/s)")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tokenbench sweep: load: ");
        err.reset();
        assertThat(run(Map.of(), "calibrate", "--base-url", "http://127.0.0.1:9")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("tokenbench calibrate: base-url: ");
        err.reset();
        assertThat(run(Map.of(), "run", "--scenario", "mixed", "--mix", "chat=2,audio=1"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("tokenbench run: mix: unknown endpoint class 'audio'");
        err.reset();
        assertThat(run(Map.of(), "run", "--scenario", "mixed", "--slo-video", "fast")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("tokenbench run: slo-video: ");
        err.reset();
        assertThat(run(Map.of(), "calibrate", "--scenario", "mixed")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("tokenbench calibrate: scenario: ");
    }

    @Test
    void injectorIndexOutOfRangeOrBadCountExitsTwoNamingTheOption() {
        assertThat(run(Map.of(), "run", "--injector-count", "3", "--injector-index", "3"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("tokenbench run: injector-index: must be in 0..2");
        err.reset();
        assertThat(run(Map.of(), "run", "--injector-count", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("tokenbench run: injector-count: must be >= 1");
        err.reset();
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
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("tokenbench run: injector-index: must be in 0..1");
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
                .contains("api-key-env: environment variable TB_TEST_KEY is not set");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertThat(run(Map.of(), "run", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
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
