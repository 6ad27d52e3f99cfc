package io.tokenbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.Options;

class BenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void defaultsAreRigorousOnEveryBenchmark() {
        BenchOptions o = parse();

        assertThat(o.preset()).isEqualTo(BenchPreset.RIGOROUS);
        assertThat(o.patterns()).isEmpty();
        assertThat(o.runsRoot()).isEqualTo(Path.of("runs"));
    }

    @Test
    void quickPatternsAndParamsReachJmhWithFailOnError() {
        BenchOptions o =
                parse("ChatBench", "--quick", "-p", "client=SDK,JDK", "--model", "deepseek-v3");
        Options jmh = BenchRun.jmhOptions(o, Path.of("x.json")).build();

        assertThat(jmh.getIncludes()).containsExactly("ChatBench");
        assertThat(jmh.getForkCount().get()).isEqualTo(1);
        assertThat(jmh.getMeasurementIterations().get()).isEqualTo(2);
        assertThat(jmh.shouldFailOnError().get()).isTrue();
        assertThat(jmh.getParameter("client").get()).containsExactly("SDK", "JDK");
        assertThat(jmh.getParameter("target").get())
                .as("quick measures the client on the zero-latency mock")
                .containsExactly("MOCK_ZERO");
        assertThat(jmh.getJvmArgsPrepend().get())
                .containsExactly("-Dtokenbench.bench.model=deepseek-v3");
    }

    @Test
    void quickKeepsAnExplicitTargetAndRigorousRunsEveryTarget() {
        Options quick =
                BenchRun.jmhOptions(
                                parse("--quick", "-p", "target=MOCK_REALISTIC"), Path.of("x.json"))
                        .build();
        Options rigorous = BenchRun.jmhOptions(parse(), Path.of("x.json")).build();

        assertThat(quick.getParameter("target").get()).containsExactly("MOCK_REALISTIC");
        assertThat(rigorous.getParameter("target").hasValue()).isFalse();
    }

    @Test
    void baseUrlSelectsTheLiveTargetAndPassesOnlyTheVariableName() {
        BenchOptions o =
                parse("--base-url", "https://api.example.test/v1", "--api-key-env", "MY_KEY");
        Options jmh = BenchRun.jmhOptions(o, Path.of("x.json")).build();

        assertThat(jmh.getParameter("target").get()).containsExactly("LIVE");
        assertThat(jmh.getJvmArgsPrepend().get())
                .containsExactly(
                        "-Dtokenbench.bench.baseUrl=https://api.example.test/v1",
                        "-Dtokenbench.bench.apiKeyEnv=MY_KEY");
    }

    @Test
    void headersReachTheForksAndASecretOnlyByItsVariableName() {
        String path = System.getenv("PATH"); // set everywhere: stands for a secret here
        BenchOptions o =
                parse(
                        "--base-url",
                        "https://api.example.test/v1",
                        "--header",
                        "x-portkey-provider: openai",
                        "--header-env",
                        "X-Gateway-Key=PATH");
        List<String> forkArgs =
                BenchRun.jmhOptions(o, Path.of("x.json")).build().getJvmArgsPrepend().get().stream()
                        .toList();

        assertThat(forkArgs)
                .contains(
                        "-Dtokenbench.bench.header.0=x-portkey-provider: openai",
                        "-Dtokenbench.bench.headerEnv.0=X-Gateway-Key=PATH");
        assertThat(String.join(" ", forkArgs)).doesNotContain(path);
    }

    @Test
    void badHeadersExit2NamingTheOption() {
        String url = "http://127.0.0.1:1/v1";
        assertUsage(List.of("--header", "x-route: a"), "--header applies only with --base-url");
        assertUsage(List.of("--base-url", url, "--header", "no colon"), "--header:");
        assertUsage(
                List.of("--base-url", url, "--header", "gateway@x-route: a"),
                "--header: bench has no lanes");
        assertUsage(
                List.of("--base-url", url, "--header-env", "X-Key=TOKENBENCH_TEST_UNSET_VARIABLE"),
                "TOKENBENCH_TEST_UNSET_VARIABLE");
        assertUsage(List.of("--import", "a.json", "--header-env", "X-Key=PATH"), "--header-env");
    }

    @Test
    void badOptionsExit2AndNameTheOption() {
        assertUsage(List.of("--frobnicate"), "--frobnicate");
        assertUsage(List.of("-p", "tokens"), "-p");
        assertUsage(List.of("-p", "tokens=16", "-p", "tokens=128"), "-p tokens");
        assertUsage(List.of("--base-url", "ftp://x/v1"), "--base-url");
        assertUsage(List.of("--api-key-env", "not a name"), "--api-key-env");
        assertUsage(List.of("--out"), "--out");
        assertUsage(List.of("--import", "a.json", "ChatBench"), "--import");
        assertUsage(
                List.of("--base-url", "http://127.0.0.1:1/v1", "-p", "target=MOCK_ZERO"),
                "--base-url");
        assertUsage(List.of("(unclosed"), "PATTERN");
    }

    @Test
    void optionsThatDoNotApplyRepeatedOptionsAndOptionNamesAsValuesExit2() {
        assertUsage(List.of("--import", "a.json", "--quick"), "--quick does not apply to --import");
        assertUsage(List.of("--import", "a.json", "--model", "m"), "--model");
        assertUsage(
                List.of("--api-key-env", "MY_KEY"), "--api-key-env applies only with --base-url");
        assertUsage(List.of("--out", "a", "--out", "b"), "--out");
        assertUsage(List.of("--model", "--quick"), "--model");
        assertUsage(List.of("--model", " "), "--model must not be blank");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Run './tokenbench bench --help' for the options.");
    }

    @Test
    void helpNamesTheLauncherCommandAndTheDefaults() {
        assertThat(BenchMain.run(new String[] {"--help"}, print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Usage: ./tokenbench bench")
                .contains("runs root (default: runs)")
                .containsPattern("\\(default:\\s+POWERTOKENS_API_KEY\\)");
    }

    @Test
    void importOfAMissingFileExits2() {
        int code =
                BenchMain.run(
                        new String[] {
                            "--import",
                            "/nonexistent/jmh.json",
                            "--out",
                            System.getProperty("java.io.tmpdir") + "/tokenbench-benchargs-test"
                        },
                        print(out),
                        print(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/nonexistent/jmh.json");
    }

    @Test
    void aPatternMatchingNoBenchmarkExits2AndLeavesNoRunFolder(@TempDir Path runs)
            throws Exception {
        int code =
                BenchMain.run(
                        new String[] {"NoSuchBenchmarkXyz", "--quick", "--out", runs.toString()},
                        print(out),
                        print(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NoSuchBenchmarkXyz");
        try (var left = Files.list(runs)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void helpExits0() {
        assertThat(BenchMain.run(new String[] {"--help"}, print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--quick");
    }

    private void assertUsage(List<String> args, String named) {
        err.reset();
        int code = BenchMain.run(args.toArray(String[]::new), print(out), print(err));
        assertThat(code).as("exit code of %s", args).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).as("message for %s", args).contains(named);
    }

    /** The options {@code bench args} parses into. */
    private static BenchOptions parse(String... args) {
        BenchCommand command = new BenchCommand();
        BenchCommand.commandLine(command).parseArgs(args);
        return command.options();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
